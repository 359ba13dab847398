using Lethe.Data.Checks;
using Lethe.Data.Files;
using Lethe.Tests.Support;
using SkiaSharp;

namespace Lethe.Tests.Data;

public class DuplicateTests
{
    /// <summary>A smooth face-like gradient with a bright disc whose place depends on <paramref name="variant"/>.</summary>
    private static RgbImage Picture(int variant, int side = 64)
    {
        var pixels = new byte[side * side * 3];
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++)
            {
                int cx = 16 + 8 * (variant % 4), cy = 16 + 8 * (variant / 4);
                bool disc = (x - cx) * (x - cx) + (y - cy) * (y - cy) < 120;
                var v = (byte)(disc ? 230 : 40 + 2 * y);
                pixels[3 * (y * side + x)] = v;
                pixels[3 * (y * side + x) + 1] = (byte)(v / 2);
                pixels[3 * (y * side + x) + 2] = (byte)(255 - v);
            }
        return new RgbImage(side, side, pixels);
    }

    private static RgbImage Reencoded(RgbImage image, int quality)
    {
        var rgba = new byte[image.Width * image.Height * 4];
        for (int i = 0; i < image.Width * image.Height; i++)
        {
            Array.Copy(image.Pixels, 3 * i, rgba, 4 * i, 3);
            rgba[4 * i + 3] = 255;
        }
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return ImageFile.Decode(data.ToArray(), "copy.jpg");
    }

    [Fact]
    public void A_reencoded_copy_is_within_a_few_bits_and_a_different_picture_is_not()
    {
        var original = Picture(1);
        Assert.InRange(PerceptualHash.Distance(PerceptualHash.Of(original), PerceptualHash.Of(Reencoded(original, 85))), 0, DuplicateFinder.DefaultNearDistance);
        Assert.True(PerceptualHash.Distance(PerceptualHash.Of(original), PerceptualHash.Of(Picture(10))) > 10);
    }

    [Fact]
    public void The_hash_of_a_flat_image_is_stable_and_the_distance_counts_bits()
    {
        Assert.Equal(PerceptualHash.Of(Picture(3)), PerceptualHash.Of(Picture(3)));
        Assert.Equal(3, PerceptualHash.Distance(0b1011, 0b0000));
    }

    private static ImageFingerprint Print(string set, int line, string content, ulong hash, string person = "p") =>
        new(set, $"a.csv:{line}", $"img{line}.jpg", person, content, hash);

    [Fact]
    public void Exact_and_near_pairs_are_found_and_labelled()
    {
        var images = new[]
        {
            Print("forget", 2, "aa", 0b0000), Print("retain", 3, "aa", 0xFFFF_0000), // same bytes: exact, whatever the hash
            Print("retain", 4, "bb", 0b0111), // 3 bits from line 2: near
            Print("unseen", 5, "cc", 0xFFFF_FFFF_0000_0000), // far from all
        };
        var pairs = DuplicateFinder.Candidates(images, nearDistance: 4);
        Assert.Equal(2, pairs.Count);
        Assert.Equal(DuplicateKind.Exact, pairs[0].Kind);
        Assert.Equal("forget~retain", pairs[0].Sets);
        Assert.Equal(DuplicateKind.Candidate, pairs[1].Kind);
        Assert.Equal(3, pairs[1].Distance);
    }

    [Fact]
    public void Exclusion_takes_copies_out_of_retain_test_and_unseen_never_out_of_forget()
    {
        var forget = Print("forget", 2, "aa", 0);
        var retainCopy = Print("retain", 3, "aa", 0);
        var unseenCopy = Print("unseen", 4, "aa", 0);
        var testCopyOfUnseen = Print("test", 5, "dd", ulong.MaxValue);
        var unseenTwin = Print("unseen", 6, "dd", ulong.MaxValue);
        var pairs = DuplicateFinder.Find([forget, retainCopy, unseenCopy, testCopyOfUnseen, unseenTwin]);
        var excluded = DuplicateExclusion.Decide(pairs).Select(e => e.Image.Where).ToArray();
        Assert.Equal(["a.csv:3", "a.csv:4"], excluded);
    }

    [Fact]
    public void A_reencoded_copy_is_confirmed_by_its_pixels()
    {
        var original = Picture(5, side: 128);
        var difference = PixelDifference.Between(PixelDifference.Thumbnail(original), PixelDifference.Thumbnail(Reencoded(original, 60)));
        Assert.InRange(difference, 0, NearCopyConfirmation.Threshold);
    }

    [Fact]
    public void Two_aligned_faces_under_one_light_match_the_hash_but_not_the_pixels()
    {
        var (a, b) = (ImageFile.Decode(LookAlikeFaces.Jpeg(0), "a.jpg"), ImageFile.Decode(LookAlikeFaces.Jpeg(1), "b.jpg"));
        Assert.InRange(PerceptualHash.Distance(PerceptualHash.Of(a), PerceptualHash.Of(b)), 0, DuplicateFinder.DefaultNearDistance);
        Assert.True(PixelDifference.Between(PixelDifference.Thumbnail(a), PixelDifference.Thumbnail(b)) > 2 * NearCopyConfirmation.Threshold);
    }

    [Fact]
    public void Exclusion_leaves_an_unconfirmed_near_match_in_place()
    {
        var forget = Print("forget", 2, "aa", 0);
        var unseenLookAlike = Print("unseen", 3, "bb", 1);
        var pair = new DuplicatePair(forget, unseenLookAlike, DuplicateKind.Unconfirmed, 1, PixelDifference: 40);
        Assert.Empty(DuplicateExclusion.Decide([pair]));
        Assert.Single(DuplicateExclusion.Decide([pair with { Kind = DuplicateKind.NearCopy, PixelDifference = 1 }]));
    }
}
