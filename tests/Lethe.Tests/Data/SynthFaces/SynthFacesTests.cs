using Lethe.Data;
using Lethe.Models;

namespace Lethe.Tests.Data;

public class SynthFacesTests
{
    /// <summary>4 + 8 + 4 + 4 people, 6 photos (5 unseen), 16 px: about 120 images, a few tens of milliseconds.</summary>
    internal static readonly SynthFacesOptions Small = new(ImageSize: 16, ForgetIdentities: 4, RetainIdentities: 8,
        TestIdentities: 4, UnseenIdentities: 4, ImagesPerIdentity: 6, UnseenImagesPerIdentity: 5);

    private static byte[] Bytes(ImageSet set) => set.Pixels.data<byte>().ToArray();

    [Fact]
    public void Same_options_give_identical_samples_pixels_and_fingerprint()
    {
        using var a = SynthFaces.Build(Small, "age");
        using var b = SynthFaces.Build(Small, "age");
        foreach (var (x, y) in new[] { (a.Train, b.Train), (a.Forget, b.Forget), (a.Retain, b.Retain), (a.Test, b.Test), (a.Unseen, b.Unseen) })
        {
            Assert.Equal(x.Samples.Select(s => (s.Name, s.Identity, s.Labels[0])), y.Samples.Select(s => (s.Name, s.Identity, s.Labels[0])));
            Assert.Equal(Bytes(x), Bytes(y));
        }
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", a.Fingerprint);
    }

    [Fact]
    public void Another_seed_gives_other_pixels_and_fingerprint()
    {
        using var a = SynthFaces.Build(Small, "age");
        using var b = SynthFaces.Build(Small with { Seed = 7 }, "age");
        Assert.NotEqual(Bytes(a.Train), Bytes(b.Train));
        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
    }

    [Fact]
    public void Fingerprint_depends_on_task_and_options()
    {
        using var age = SynthFaces.Build(Small, "age");
        using var male = SynthFaces.Build(Small, "male");
        using var noisier = SynthFaces.Build(Small with { PixelNoise = 7 }, "age");
        Assert.Equal(3, new[] { age.Fingerprint, male.Fingerprint, noisier.Fingerprint }.Distinct().Count());
    }

    [Fact]
    public void Parallel_build_equals_one_renderer_drawing_every_photo_in_order()
    {
        var options = Small with { ImageSize = 24 };
        using var data = SynthFaces.Build(options, "age");
        var plan = SynthPlan.Create(options);
        using var renderer = new FaceRenderer(options);
        var serial = new byte[renderer.ImageBytes * data.Test.Count];
        for (int i = 0; i < plan.Test.Count; i++)
            renderer.Render(plan.Test[i], serial.AsSpan(i * renderer.ImageBytes, renderer.ImageBytes));
        Assert.Equal(serial, Bytes(data.Test));
    }

    [Fact]
    public void Pixels_are_rgb_planes_top_left_pixel_is_the_background_top_colour()
    {
        // Lighting and noise off, so a background pixel is exactly the gradient; a swapped R/B (BGRA) would fail.
        var options = Small with { ImageSize = 32, LightingJitter = 0, PixelNoise = 0 };
        using var data = SynthFaces.Build(options, "age");
        var plan = SynthPlan.Create(options);
        var pixels = Bytes(data.Test);
        int plane = 32 * 32;
        for (int i = 0; i < plan.Test.Count; i++)
        {
            var top = plan.Test[i].Photo.BackgroundTop;
            int at = i * 3 * plane;
            Assert.InRange(Math.Abs(pixels[at] - top.Red), 0, 5);
            Assert.InRange(Math.Abs(pixels[at + plane] - top.Green), 0, 5);
            Assert.InRange(Math.Abs(pixels[at + 2 * plane] - top.Blue), 0, 5);
        }
    }

    [Fact]
    public void Renders_at_the_smallest_and_largest_image_sizes()
    {
        foreach (var size in new[] { 16, 128 })
        {
            var options = new SynthFacesOptions(ImageSize: size, ForgetIdentities: 1, RetainIdentities: 1, TestIdentities: 1,
                UnseenIdentities: 1, ImagesPerIdentity: 2, UnseenImagesPerIdentity: 2);
            using var data = SynthFaces.Build(options, "smiling");
            Assert.Equal([2, 3, size, size], data.Unseen.Pixels.shape);
            Assert.True(data.Unseen.Pixels.to_type(TorchSharp.torch.ScalarType.Float32).std().item<float>() > 10);
        }
    }

    [Fact]
    public void Four_sets_hold_disjoint_people_in_the_requested_numbers()
    {
        using var d = SynthFaces.Build(Small, "age");
        var sets = new[] { d.Forget, d.Retain, d.Test, d.Unseen };
        Assert.Equal([4, 8, 4, 4], sets.Select(s => s.Identities().Count));
        Assert.Equal([24, 48, 24, 20], sets.Select(s => s.Count));
        var all = sets.SelectMany(s => s.Identities()).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, id => Assert.Matches(@"^S\d{4}_P\d+$", id));
        Assert.Equal(d.Train.Count, d.Train.Samples.Select(s => s.Name).Distinct().Count());
        Assert.Equal([d.Train.Count, 3, 16, 16], d.Train.Pixels.shape);
    }

    [Fact]
    public void Families_never_span_two_sets()
    {
        using var d = SynthFaces.Build(Small with { FamilySize = 3 }, "age");
        var families = new[] { d.Forget, d.Retain, d.Test, d.Unseen }
            .Select(s => s.Identities().Select(id => id.Split('_')[0]).Distinct().ToList()).ToList();
        Assert.Equal(families.Sum(f => f.Count), families.SelectMany(f => f).Distinct().Count());
        Assert.Equal(["S0001", "S0002"], families[0]); // 4 forget people in families of 3
    }

    [Fact]
    public void Forget_and_retain_partition_train_with_the_same_samples_and_pixels()
    {
        using var d = SynthFaces.Build(Small, "multilabel");
        Assert.Equal(d.Train.Samples, d.Forget.Samples.Concat(d.Retain.Samples));
        Assert.Equal(Bytes(d.Train), Bytes(d.Forget).Concat(Bytes(d.Retain)));
        Assert.Empty(d.Forget.Identities().Intersect(d.Retain.Identities()));
        Assert.Equal("synthfaces", d.Name);
    }

    [Fact]
    public void Default_forget_set_is_at_least_as_large_as_unseen()
    {
        var plan = SynthPlan.Create(SynthFacesOptions.Default);
        Assert.Equal(40 * 14, plan.Forget.Count);
        Assert.Equal(40 * 13, plan.Unseen.Count);
        Assert.True(plan.Forget.Count >= plan.Unseen.Count);
        Assert.Equal(160 * 14, plan.Retain.Count);
    }

    [Fact]
    public void Every_task_kind_gives_valid_labels_that_agree_with_the_age_and_attributes()
    {
        var built = SynthFaces.TaskKinds.ToDictionary(k => k, k => SynthFaces.Build(Small, k));
        try
        {
            foreach (var (kind, data) in built)
            {
                Assert.Same(SynthFaces.Task(kind), data.Task);
                foreach (var set in new[] { data.Train, data.Test, data.Unseen })
                    foreach (var sample in set.Samples) data.Task.Validate(sample);
            }
            Assert.Equal(8, built["age"].Task.Outputs);
            Assert.Same(MultiLabelTask.MaleSmilingYoung, built["multilabel"].Task);
            var age = built["age"].Train.Samples;
            var multi = built["multilabel"].Train.Samples;
            for (int i = 0; i < age.Count; i++)
            {
                Assert.Equal(age[i].Labels[0] <= 3 ? 1 : 0, multi[i].Labels[2]); // Young = groups a..d = under 31
                Assert.Equal(multi[i].Labels[0], built["male"].Train.Samples[i].Labels[0]);
                Assert.Equal(multi[i].Labels[1], built["smiling"].Train.Samples[i].Labels[0]);
                Assert.Equal(multi[i].Labels[2], built["young"].Train.Samples[i].Labels[0]);
                Assert.Equal(SynthAges.Letter(age[i].Labels[0]), age[i].Name.Split('_')[4][0]);
            }
        }
        finally
        {
            foreach (var data in built.Values) data.Dispose();
        }
    }

    [Fact]
    public void Male_is_constant_per_person_and_smiling_varies_within_people()
    {
        var plan = SynthPlan.Create(SynthFacesOptions.Default);
        var people = plan.Retain.GroupBy(i => i.Person.Identity).ToList();
        Assert.All(people, p => Assert.Single(p.Select(i => i.Attributes[0]).Distinct()));
        Assert.Contains(people, p => p.Select(i => i.Attributes[1]).Distinct().Count() == 2);
        double male = plan.Retain.Average(i => i.Attributes[0]), smiling = plan.Retain.Average(i => i.Attributes[1]);
        Assert.InRange(male, 0.3, 0.7);
        Assert.InRange(smiling, 0.3, 0.7);
    }

    [Fact]
    public void Unknown_task_kind_lists_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => SynthFaces.Task("gender"));
        Assert.Contains("'gender'", error.Message);
        Assert.Contains("age, male, smiling, young, multilabel", error.Message);
        Assert.Same(MultiClassTask.AgeGroups, SynthFaces.Task(" AGE "));
    }

    [Fact]
    public void Default_labels_cover_all_eight_age_groups()
    {
        var plan = SynthPlan.Create(SynthFacesOptions.Default);
        var photos = plan.Forget.Concat(plan.Retain).ToList();
        var counts = Enumerable.Range(0, 8).Select(g => photos.Count(i => i.Photo.Group == g)).ToArray();
        Assert.All(counts, c => Assert.True(c >= 0.05 * photos.Count, $"group counts {string.Join(",", counts)}"));
    }

    [Fact]
    public void Every_person_is_seen_at_two_or_three_age_groups_with_ages_inside_the_groups()
    {
        var plan = SynthPlan.Create(SynthFacesOptions.Default);
        foreach (var person in plan.Forget.Concat(plan.Test).GroupBy(i => i.Person.Identity))
        {
            Assert.InRange(person.Select(i => i.Photo.Group).Distinct().Count(), 2, 3);
            Assert.All(person, i => Assert.InRange(i.Photo.Years, SynthAges.Min(i.Photo.Group), SynthAges.Max(i.Photo.Group)));
        }
    }

    [Fact]
    public void Label_noise_moves_cues_to_a_neighbouring_group_only_as_often_as_asked()
    {
        var options = SynthFacesOptions.Default with { ApparentAgeSpread = 0 };
        var exact = SynthPlan.Create(options with { LabelNoise = 0 }).Retain;
        Assert.All(exact, i => Assert.Equal(i.Photo.Years, i.Photo.CueAge));
        var noisy = SynthPlan.Create(options with { LabelNoise = 0.5 }).Retain;
        var moved = noisy.Where(i => SynthAges.GroupOf((int)i.Photo.CueAge) != i.Photo.Group).ToList();
        Assert.InRange(moved.Count / (double)noisy.Count, 0.44, 0.56);
        Assert.All(moved, i => Assert.Equal(1, Math.Abs(SynthAges.GroupOf((int)i.Photo.CueAge) - i.Photo.Group)));
    }

    [Fact]
    public void Images_vary_and_photos_of_one_person_are_closer_than_photos_of_different_people()
    {
        using var d = SynthFaces.Build(Small with { ImageSize = 32, RetainIdentities = 12 }, "age");
        var pixels = Bytes(d.Train);
        int n = d.Train.Count, length = pixels.Length / n;
        for (int i = 0; i < n; i++)
        {
            var image = pixels.AsSpan(i * length, length);
            Assert.True(image.ToArray().Distinct().Count() > 40, $"image {i} is nearly constant");
        }
        double same = 0, different = 0;
        int sameCount = 0, differentCount = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double distance = FaceDistance(pixels, length, i, j);
                if (d.Train.Samples[i].Identity == d.Train.Samples[j].Identity) { same += distance; sameCount++; }
                else { different += distance; differentCount++; }
            }
        same /= sameCount;
        different /= differentCount;
        Assert.True(same < 0.8 * different, $"same person {same:F1} vs different people {different:F1}");
    }

    /// <summary>Mean absolute difference over the central half of the image, where the face is.</summary>
    private static double FaceDistance(byte[] pixels, int length, int i, int j)
    {
        int size = (int)Math.Sqrt(length / 3), from = size / 4, to = 3 * size / 4;
        double sum = 0;
        for (int c = 0; c < 3; c++)
            for (int y = from; y < to; y++)
                for (int x = from; x < to; x++)
                {
                    int offset = c * size * size + y * size + x;
                    sum += Math.Abs(pixels[i * length + offset] - pixels[j * length + offset]);
                }
        return sum / (3.0 * (to - from) * (to - from));
    }
}
