using OrleansPlatform.Areas;

namespace OrleansPlatform.Grains.Tests.Areas;

public class AreaCodeTests
{
    [Theory]
    [InlineData("610000000000", AreaLevel.Province, null)]
    [InlineData("610200000000", AreaLevel.City, "610000000000")]
    [InlineData("610204000000", AreaLevel.County, "610200000000")]
    [InlineData("610204100000", AreaLevel.Town, "610204000000")]
    [InlineData("610204100201", AreaLevel.Village, "610204100000")]
    [InlineData("441900003000", AreaLevel.Town, "441900000000")] // a town directly under a city (county segment 00)
    public void Level_and_parent_follow_from_the_code(string text, AreaLevel level, string? parent)
    {
        var code = AreaCode.Parse(text);

        Assert.Equal(level, code.Level);
        Assert.Equal(parent, code.Parent?.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("61020400000")]
    [InlineData("6102040000001")]
    [InlineData("61020400000a")]
    [InlineData("000000000000")]
    [InlineData("001234000000")]
    [InlineData("６１0000000000")]
    public void Malformed_codes_are_rejected_with_a_reason(string text)
    {
        Assert.False(AreaCode.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void An_area_contains_itself_and_what_lies_below_it_but_not_its_siblings()
    {
        var county = AreaCode.Parse("610204000000");

        Assert.True(county.Contains(county));
        Assert.True(county.Contains(AreaCode.Parse("610204100201")));
        Assert.False(county.Contains(AreaCode.Parse("610203100201")));
        Assert.False(county.Contains(AreaCode.Parse("610200000000")));
    }
}
