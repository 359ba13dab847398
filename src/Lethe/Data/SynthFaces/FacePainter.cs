using SkiaSharp;

namespace Lethe.Data;

/// <summary>
/// Draws one person in one photo on a canvas scaled to 100 x 100 units, back to front: long hair, neck, shirt, ears,
/// head, cheeks, hair, brows, eyes, nose, wrinkles, beard, mouth, moustache, glasses. Not thread-safe: one per thread.
/// </summary>
internal sealed class FacePainter : IDisposable
{
    private readonly SKPaint paint = new() { IsAntialias = true, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };
    private readonly SKPath head = new();
    private readonly SKPath path = new();

    public void Paint(SKCanvas canvas, SynthPerson p, SynthPhoto photo, AgeCues cues)
    {
        var f = FaceLayout.Of(p, cues);
        HeadOutline(f);
        if (p.HairLength > 0.45f) LongHair(canvas, p, f);
        Fill(SynthRandom.Scale(f.Skin, 0.88f));
        canvas.DrawRect(SKRect.Create(f.Cx - f.W * 0.42f, f.Cy + f.H * 0.5f, f.W * 0.84f, 60), paint);
        Fill(photo.Shirt);
        canvas.DrawOval(f.Cx, f.Cy + f.H + 26, 44, 24, paint);
        Ears(canvas, p, f);
        Fill(f.Skin);
        canvas.DrawPath(head, paint);
        Fill(new SKColor(230, 110, 110), p.Blush * 0.5f + cues.Child * 0.3f);
        for (int s = -1; s <= 1; s += 2) canvas.DrawOval(f.Cx + s * f.EyeSpacing * 1.1f, f.NoseY + 1, 4, 3, paint);
        HairTop(canvas, p, f, cues);
        Brows(canvas, p, f);
        Eyes(canvas, p, photo, f);
        Nose(canvas, f);
        if (cues.Wrinkles > 0) Wrinkles(canvas, f, cues.Wrinkles);
        float beard = Math.Clamp((cues.Adult - 0.3f) / 0.7f, 0, 1);
        if (beard > 0 && p.Beard > 0) Beard(canvas, p, f, beard);
        Mouth(canvas, p, photo, f, cues);
        if (beard > 0 && p.Moustache) Moustache(canvas, f, beard);
        if (p.Glasses >= 0) Glasses(canvas, p, f);
    }

    /// <summary>Upper half of an ellipse, then a jaw from each side to the chin whose squareness is <c>Jaw</c>.</summary>
    private void HeadOutline(FaceLayout f)
    {
        head.Reset();
        head.MoveTo(f.Cx - f.W, f.Cy);
        head.ArcTo(SKRect.Create(f.Cx - f.W, f.Cy - f.H, 2 * f.W, 2 * f.H), 180, 180, false);
        head.CubicTo(f.Cx + f.W, f.Cy + f.H * 0.55f, f.Cx + f.W * f.Jaw, f.Cy + f.H, f.Cx, f.Cy + f.H);
        head.CubicTo(f.Cx - f.W * f.Jaw, f.Cy + f.H, f.Cx - f.W, f.Cy + f.H * 0.55f, f.Cx - f.W, f.Cy);
        head.Close();
    }

    private void LongHair(SKCanvas canvas, SynthPerson p, FaceLayout f)
    {
        Fill(f.Hair);
        float half = f.W * 1.12f + p.HairVolume * 0.5f;
        var rect = new SKRect(f.Cx - half, f.Cy - f.H * 0.95f, f.Cx + half, f.Cy + f.H * (0.2f + 0.9f * p.HairLength));
        canvas.DrawRoundRect(rect, f.W * 0.5f, f.W * 0.5f, paint);
    }

    private void Ears(SKCanvas canvas, SynthPerson p, FaceLayout f)
    {
        Fill(SynthRandom.Scale(f.Skin, 0.93f));
        for (int s = -1; s <= 1; s += 2)
            canvas.DrawOval(f.Cx + s * (f.W * 0.97f + p.EarOut * 1.5f), f.Cy + 0.02f * f.H, 3 * p.EarSize, 5.5f * p.EarSize, paint);
    }

    private void HairTop(SKCanvas canvas, SynthPerson p, FaceLayout f, AgeCues cues)
    {
        Fill(f.Hair);
        float volume = p.HairVolume;
        canvas.Save();
        canvas.ClipRect(new SKRect(0, 0, 100, f.HairLine), SKClipOperation.Intersect, true);
        canvas.DrawOval(f.Cx, f.Cy - 0.02f * f.H, f.W + volume, f.H + volume, paint);
        canvas.Restore();
        if (cues.Recession > 0.3f)
            for (int s = -1; s <= 1; s += 2) canvas.DrawOval(f.Cx + s * f.W * 0.93f, f.Cy - 0.25f * f.H, 3, 7, paint);
        switch (p.HairStyle)
        {
            case 1: // side parting: a fringe swept over one side of the forehead
                path.Reset();
                path.MoveTo(f.Cx - f.W * 0.95f, f.HairLine + 1);
                path.QuadTo(f.Cx, f.HairLine - 3, f.Cx + f.W * 0.7f, f.HairLine - 0.5f);
                path.QuadTo(f.Cx - f.W * 0.2f, f.HairLine + 2, f.Cx - f.W * 0.8f, f.HairLine + f.H * 0.28f);
                path.Close();
                canvas.DrawPath(path, paint);
                break;
            case 2: // bangs: a straight fringe, cut to the head
                canvas.Save();
                canvas.ClipPath(head, SKClipOperation.Intersect, true);
                canvas.DrawRect(new SKRect(f.Cx - f.W, f.HairLine - 2, f.Cx + f.W, f.HairLine + f.H * 0.2f), paint);
                canvas.Restore();
                break;
            case 3: // curls along the crown
                for (int angle = 195; angle <= 345; angle += 25)
                {
                    double a = angle * Math.PI / 180;
                    float x = f.Cx + (f.W + volume * 0.5f) * (float)Math.Cos(a);
                    float y = f.Cy + (f.H + volume * 0.5f) * (float)Math.Sin(a);
                    if (y < f.HairLine + 3) canvas.DrawCircle(x, y, 3.5f + volume * 0.5f, paint);
                }
                break;
            case 4: // bun on top
                canvas.DrawCircle(f.Cx, f.Cy - f.H - 3, 6 + volume, paint);
                break;
        }
    }

    private void Brows(SKCanvas canvas, SynthPerson p, FaceLayout f)
    {
        Stroke(SynthRandom.Scale(f.Hair, 0.8f), p.BrowThickness);
        for (int s = -1; s <= 1; s += 2)
        {
            float ex = f.Cx + s * f.EyeSpacing;
            float innerX = ex - s * f.EyeRx * 0.9f, outerX = ex + s * f.EyeRx * 1.3f, outerY = f.BrowY + p.BrowTilt;
            path.Reset();
            path.MoveTo(innerX, f.BrowY);
            if (p.BrowShape == 0) path.LineTo(outerX, outerY);
            else if (p.BrowShape == 1) path.QuadTo(ex, f.BrowY - 2.5f, outerX, outerY);
            else
            {
                path.LineTo(innerX + (outerX - innerX) * 0.65f, f.BrowY - 2);
                path.LineTo(outerX, outerY);
            }
            canvas.DrawPath(path, paint);
        }
    }

    private void Eyes(SKCanvas canvas, SynthPerson p, SynthPhoto photo, FaceLayout f)
    {
        float iris = Math.Min(f.EyeRx, f.EyeRy) * 0.85f;
        for (int s = -1; s <= 1; s += 2)
        {
            float ex = f.Cx + s * f.EyeSpacing, ix = ex + photo.GazeX * f.EyeRx * 0.3f;
            Fill(new SKColor(242, 242, 238));
            canvas.DrawOval(ex, f.EyeY, f.EyeRx, f.EyeRy, paint);
            Fill(p.Iris);
            canvas.DrawCircle(ix, f.EyeY, iris, paint);
            Fill(new SKColor(18, 18, 18));
            canvas.DrawCircle(ix, f.EyeY, iris * 0.45f, paint);
            Stroke(SynthRandom.Scale(f.Skin, 0.55f), 0.8f);
            path.Reset();
            path.MoveTo(ex - f.EyeRx, f.EyeY);
            path.QuadTo(ex, f.EyeY - f.EyeRy * 2, ex + f.EyeRx, f.EyeY);
            canvas.DrawPath(path, paint);
        }
    }

    private void Nose(SKCanvas canvas, FaceLayout f)
    {
        float n = f.NoseSize;
        Fill(SynthRandom.Scale(f.Skin, 0.8f), 0.55f);
        path.Reset();
        path.MoveTo(f.Cx - 0.6f, f.EyeY + 2);
        path.LineTo(f.Cx - 3.2f * n, f.NoseY);
        path.QuadTo(f.Cx, f.NoseY + 2 * n, f.Cx + 3.2f * n, f.NoseY);
        path.LineTo(f.Cx + 0.6f, f.EyeY + 2);
        path.Close();
        canvas.DrawPath(path, paint);
        Fill(SynthRandom.Scale(f.Skin, 0.55f));
        for (int s = -1; s <= 1; s += 2) canvas.DrawOval(f.Cx + s * 1.5f * n, f.NoseY, n, 0.6f * n, paint);
    }

    /// <summary>Forehead lines (one to three), crow's feet, bags under the eyes and nose-to-mouth folds.</summary>
    private void Wrinkles(SKCanvas canvas, FaceLayout f, float amount)
    {
        Stroke(SynthRandom.Scale(f.Skin, 0.6f), 0.9f, 0.9f * amount);
        for (int i = 0; i < 1 + (int)(amount * 2.99f); i++)
        {
            float y = f.BrowY - 3 - i * 2.6f;
            if (y > f.HairLine + 1) Curve(canvas, f.Cx - f.W * 0.45f, y, f.Cx, y - 1.2f, f.Cx + f.W * 0.45f, y);
        }
        for (int s = -1; s <= 1; s += 2)
        {
            float ex = f.Cx + s * f.EyeSpacing, half = f.MouthWidth / 2;
            for (int k = -1; k <= 1; k++)
                canvas.DrawLine(ex + s * (f.EyeRx + 0.8f), f.EyeY + k * 0.8f, ex + s * (f.EyeRx + 3), f.EyeY + k * 1.8f, paint);
            Curve(canvas, ex - f.EyeRx * 0.8f, f.EyeY + f.EyeRy + 1.2f, ex, f.EyeY + f.EyeRy + 2.6f, ex + f.EyeRx * 0.8f, f.EyeY + f.EyeRy + 1.2f);
            Curve(canvas, f.Cx + s * 3.6f * f.NoseSize, f.NoseY - 1, f.Cx + s * (half + 3), f.NoseY + 3, f.Cx + s * (half + 1.5f), f.MouthY + 2.5f);
        }
    }

    private void Beard(SKCanvas canvas, SynthPerson p, FaceLayout f, float growth)
    {
        canvas.Save();
        canvas.ClipPath(head, SKClipOperation.Intersect, true);
        Fill(f.FacialHair, p.Beard == 1 ? 0.35f * growth : growth);
        if (p.Beard == 3) canvas.DrawOval(f.Cx, f.MouthY + 5, f.MouthWidth * 0.32f, 4.5f, paint);
        else canvas.DrawRect(new SKRect(f.Cx - f.W - 2, f.NoseY + 2.5f, f.Cx + f.W + 2, f.Cy + f.H + 2), paint);
        canvas.Restore();
    }

    private void Mouth(SKCanvas canvas, SynthPerson p, SynthPhoto photo, FaceLayout f, AgeCues cues)
    {
        float half = f.MouthWidth / 2, sm = photo.Smile, y = f.MouthY, corner = y - sm * 1.5f;
        path.Reset();
        path.MoveTo(f.Cx - half, corner);
        if (!photo.Smiling)
        {
            path.QuadTo(f.Cx, y + sm * 3, f.Cx + half, corner);
            Stroke(p.Lips, p.LipThickness * (1 - 0.3f * cues.Wrinkles));
            canvas.DrawPath(path, paint);
            return;
        }
        path.QuadTo(f.Cx, y + sm * 1.2f, f.Cx + half, corner);
        path.QuadTo(f.Cx, y + sm * 6, f.Cx - half, corner);
        path.Close();
        Fill(new SKColor(110, 30, 40));
        canvas.DrawPath(path, paint);
        canvas.Save();
        canvas.ClipPath(path, SKClipOperation.Intersect, true);
        Fill(new SKColor(236, 236, 230));
        canvas.DrawRect(new SKRect(f.Cx - half, y - 3, f.Cx + half, y + sm * 1.2f + 1.2f), paint);
        canvas.Restore();
        Stroke(p.Lips, p.LipThickness * 0.6f);
        canvas.DrawPath(path, paint);
    }

    private void Moustache(SKCanvas canvas, FaceLayout f, float growth)
    {
        float half = f.MouthWidth / 2 * 1.05f;
        Stroke(f.FacialHair, 2.2f, growth);
        Curve(canvas, f.Cx - half, f.MouthY - 1.3f, f.Cx, f.MouthY - 4.2f, f.Cx + half, f.MouthY - 1.3f);
    }

    private void Glasses(SKCanvas canvas, SynthPerson p, FaceLayout f)
    {
        float r = f.EyeRx + 2.6f;
        for (int s = -1; s <= 1; s += 2)
        {
            float ex = f.Cx + s * f.EyeSpacing;
            var lens = new SKRect(ex - r, f.EyeY - r * 0.75f, ex + r, f.EyeY + r * 0.75f);
            if (p.Glasses == 2)
            {
                Fill(new SKColor(30, 30, 40), 0.6f);
                canvas.DrawRoundRect(lens, 2, 2, paint);
            }
            Stroke(p.Frame, p.Glasses == 2 ? 1.8f : 1.1f);
            if (p.Glasses == 0) canvas.DrawCircle(ex, f.EyeY, r, paint);
            else canvas.DrawRoundRect(lens, 2, 2, paint);
            canvas.DrawLine(ex + s * r, f.EyeY - 0.5f, f.Cx + s * (f.W * 0.98f), f.EyeY - 1, paint);
        }
        Curve(canvas, f.Cx - f.EyeSpacing + r, f.EyeY, f.Cx, f.EyeY - 1.5f, f.Cx + f.EyeSpacing - r, f.EyeY);
    }

    private void Curve(SKCanvas canvas, float x0, float y0, float cx, float cy, float x1, float y1)
    {
        path.Reset();
        path.MoveTo(x0, y0);
        path.QuadTo(cx, cy, x1, y1);
        canvas.DrawPath(path, paint);
    }

    private void Fill(SKColor color, float opacity = 1)
    {
        paint.Style = SKPaintStyle.Fill;
        paint.Color = color.WithAlpha((byte)Math.Clamp(opacity * 255, 0, 255));
    }

    private void Stroke(SKColor color, float width, float opacity = 1)
    {
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = width;
        paint.Color = color.WithAlpha((byte)Math.Clamp(opacity * 255, 0, 255));
    }

    public void Dispose()
    {
        paint.Dispose();
        head.Dispose();
        path.Dispose();
    }
}
