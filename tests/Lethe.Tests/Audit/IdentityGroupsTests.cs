using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class IdentityGroupsTests
{
    [Fact]
    public void Should_average_each_model_s_phi_over_an_identity_s_images()
    {
        // Images of A, B, A, C. Model 0: A = (1 + 3)/2 = 2, B = 10, C = −4. Model 1: A = (0 + 5)/2 = 2.5, B = 1, C = 7.
        var groups = IdentityGroups.Of(["A", "B", "A", "C"]);
        var phi = new double[,] { { 1, 10, 3, -4 }, { 0, 1, 5, 7 } };

        Assert.Equal(new[,] { { 2, 10, -4 }, { 2.5, 1, 7 } }, groups.MeanPhi(phi));
        Assert.Equal(["A", "B", "C"], groups.Identities);
        Assert.Equal([2, 1, 1], Enumerable.Range(0, 3).Select(groups.ImagesOf));
        Assert.Equal(4, groups.ImageCount);
    }

    [Fact]
    public void Should_refuse_no_images_a_missing_identity_and_a_matrix_of_another_width()
    {
        Assert.Throws<ArgumentException>(() => IdentityGroups.Of([]));
        var error = Assert.Throws<ArgumentException>(() => IdentityGroups.Of(["A", ""]));
        Assert.Contains("Image 1", error.Message);
        Assert.Throws<ArgumentException>(() => IdentityGroups.Of(["A", "B"]).MeanPhi(new double[2, 3]));
    }
}
