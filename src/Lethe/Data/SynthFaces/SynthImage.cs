namespace Lethe.Data;

/// <summary>One planned photo: who, how, and its MUFAC-style file name (also the sample's name).</summary>
internal sealed record SynthImage(SynthPerson Person, SynthPhoto Photo, string Name)
{
    /// <summary>Male, Smiling, Young as 0/1, in MUCAC's order.</summary>
    public int[] Attributes => [Person.Male ? 1 : 0, Photo.Smiling ? 1 : 0, Photo.Young ? 1 : 0];
}
