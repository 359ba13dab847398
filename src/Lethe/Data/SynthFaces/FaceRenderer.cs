using SkiaSharp;

namespace Lethe.Data;

/// <summary>
/// Renders planned photos into RGB CHW bytes: background, the posed face, then lighting and pixel noise. It owns one
/// bitmap and canvas, so it is not thread-safe: use one per thread. Skia's CPU rasteriser is deterministic, and every
/// random draw comes from the photo's own seeds, so a photo's bytes do not depend on which thread renders it.
/// </summary>
internal sealed class FaceRenderer : IDisposable
{
    /// <summary>Enlarges the figure so the face fills more of a small image (the shoulders are cropped).</summary>
    private const float FigureScale = 1.12f;

    private readonly int size;
    private readonly SynthFacesOptions options;
    private readonly SKBitmap bitmap;
    private readonly SKCanvas canvas;
    private readonly SKPaint background = new() { IsAntialias = false };
    private readonly FacePainter painter = new();

    public FaceRenderer(SynthFacesOptions options)
    {
        this.options = options;
        size = options.ImageSize;
        // Explicit RGBA byte order (not the platform's native BGRA on some systems), opaque, so bytes read back as R,G,B,A.
        bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        canvas = new SKCanvas(bitmap);
    }

    /// <summary>Bytes per image: 3 x size x size.</summary>
    public int ImageBytes => 3 * size * size;

    /// <param name="image">The photo to draw.</param>
    /// <param name="chw">Receives the image as uint8 [3, size, size], R then G then B planes.</param>
    public void Render(SynthImage image, Span<byte> chw)
    {
        var photo = image.Photo;
        canvas.ResetMatrix();
        canvas.Scale(size / 100f);
        Background(photo);
        canvas.Translate(50 + photo.ShiftX, 50 + photo.ShiftY);
        canvas.RotateDegrees(photo.Rotation);
        canvas.Scale(photo.Zoom * FigureScale);
        canvas.Translate(-50, -50);
        painter.Paint(canvas, image.Person, photo, AgeCues.Of(image.Person, photo, options.CueStrength));
        canvas.Flush();
        CopyLit(photo, chw);
    }

    private void Background(SynthPhoto photo)
    {
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 100),
            [photo.BackgroundTop, photo.BackgroundBottom], SKShaderTileMode.Clamp);
        background.Shader = shader;
        canvas.DrawRect(new SKRect(0, 0, 100, 100), background);
        background.Shader = null;
    }

    /// <summary>RGBA (HWC) to RGB planes (CHW), times brightness, colour cast and a light gradient, plus Gaussian noise.</summary>
    private void CopyLit(SynthPhoto photo, Span<byte> chw)
    {
        ReadOnlySpan<byte> rgba = bitmap.GetPixelSpan();
        int rowBytes = bitmap.RowBytes, plane = size * size;
        Span<float> gain = [photo.Brightness * photo.CastRed, photo.Brightness * photo.CastGreen, photo.Brightness * photo.CastBlue];
        var noise = new Random(photo.NoiseSeed);
        float sigma = (float)options.PixelNoise, spare = 0;
        bool hasSpare = false;
        float step = size > 1 ? 2f / (size - 1) : 0;
        for (int y = 0; y < size; y++)
        {
            float light0 = 1 + photo.LightSlopeY * (y * step - 1);
            for (int x = 0; x < size; x++)
            {
                float light = light0 + photo.LightSlopeX * (x * step - 1);
                int src = y * rowBytes + 4 * x, dst = y * size + x;
                for (int c = 0; c < 3; c++)
                {
                    float n = 0;
                    if (sigma > 0)
                    {
                        if (hasSpare) n = spare;
                        else spare = NormalPair(noise, out n);
                        hasSpare = !hasSpare;
                    }
                    float v = rgba[src + c] * gain[c] * light + sigma * n;
                    chw[c * plane + dst] = (byte)Math.Clamp((int)MathF.Round(v), 0, 255);
                }
            }
        }
    }

    /// <summary>Two independent standard normals (Box-Muller); returns one, the other through <paramref name="first"/>.</summary>
    private static float NormalPair(Random random, out float first)
    {
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())), angle = 2.0 * Math.PI * random.NextDouble();
        first = (float)(radius * Math.Cos(angle));
        return (float)(radius * Math.Sin(angle));
    }

    public void Dispose()
    {
        painter.Dispose();
        background.Dispose();
        canvas.Dispose();
        bitmap.Dispose();
    }
}
