using Lethe.Experiments;
using Lethe.Numerics;

namespace Lethe.Data;

/// <summary>
/// Every person and photo of the four sets, before any pixel is drawn. Families are numbered S0001, S0002, ... in set
/// order (forget, retain, test, unseen) and never span two sets, so the four sets hold different people.
/// </summary>
internal sealed class SynthPlan
{
    private SynthPlan(IReadOnlyList<SynthImage> forget, IReadOnlyList<SynthImage> retain, IReadOnlyList<SynthImage> test,
        IReadOnlyList<SynthImage> unseen)
    {
        Forget = forget;
        Retain = retain;
        Test = test;
        Unseen = unseen;
    }

    public IReadOnlyList<SynthImage> Forget { get; }
    public IReadOnlyList<SynthImage> Retain { get; }
    public IReadOnlyList<SynthImage> Test { get; }
    public IReadOnlyList<SynthImage> Unseen { get; }

    public static SynthPlan Create(SynthFacesOptions options)
    {
        int nextFamily = 1;
        var forget = Cast(options, options.ForgetIdentities, options.ImagesPerIdentity, ref nextFamily);
        var retain = Cast(options, options.RetainIdentities, options.ImagesPerIdentity, ref nextFamily);
        var test = Cast(options, options.TestIdentities, options.ImagesPerIdentity, ref nextFamily);
        var unseen = Cast(options, options.UnseenIdentities, options.UnseenImagesPerIdentity, ref nextFamily);
        return new SynthPlan(forget, retain, test, unseen);
    }

    private static List<SynthImage> Cast(SynthFacesOptions options, int people, int photos, ref int nextFamily)
    {
        var images = new List<SynthImage>(people * photos);
        for (int first = 0; first < people; first += options.FamilySize, nextFamily++)
        {
            string family = $"S{nextFamily:D4}";
            var look = SynthFamilyLook.Draw(Seeds.Random(options.Seed, $"synthfaces/family/{family}"));
            for (int member = 1; member <= Math.Min(options.FamilySize, people - first); member++)
            {
                var identity = $"{family}_P{member}";
                var person = SynthPerson.Draw(Seeds.Random(options.Seed, $"synthfaces/person/{identity}"), family, member,
                    look, photos, options);
                AddPhotos(images, person, options);
            }
        }
        return images;
    }

    private static void AddPhotos(List<SynthImage> images, SynthPerson person, SynthFacesOptions options)
    {
        int index = 0;
        foreach (var session in person.Sessions)
            for (int k = 1; k <= session.Photos; k++, index++)
            {
                var random = Seeds.Random(options.Seed, $"synthfaces/photo/{person.Identity}/{index}");
                var photo = SynthPhoto.Draw(random, person, session, options);
                images.Add(new SynthImage(person, photo, FileName(person, session, k)));
            }
    }

    /// <summary>MUFAC's pattern: family, literal AGE, role, age at collection, class letter + index (as
    /// F0001_AGE_D_18_a1.jpg).</summary>
    private static string FileName(SynthPerson person, SynthSession session, int k) =>
        $"{person.Family}_AGE_{person.Role}_{person.AgeAtCollection}_{SynthAges.Letter(session.Group)}{k}.jpg";
}
