using Lethe.Models;
using Lethe.Data;

namespace Lethe.Tests.Models;

public class TaskNamesTests
{
    [Theory]
    [InlineData("mufac", 8, typeof(MultiClassTask))]
    [InlineData("MUCAC", 3, typeof(MultiLabelTask))]
    [InlineData("mucac-male", 2, typeof(BinaryTask))]
    [InlineData("mucac-smiling", 2, typeof(BinaryTask))]
    [InlineData("mucac-young", 2, typeof(BinaryTask))]
    [InlineData("age", 8, typeof(MultiClassTask))]
    [InlineData("multilabel", 3, typeof(MultiLabelTask))]
    public void Every_name_gives_its_head(string name, int outputs, Type kind)
    {
        var task = TaskNames.Resolve(name);
        Assert.Equal(outputs, task.Outputs);
        Assert.IsType(kind, task);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => TaskNames.Resolve("mucac-bald"));
        Assert.Contains("mucac-bald", error.Message);
        Assert.All(TaskNames.Names, name => Assert.Contains(name, error.Message));
    }
}
