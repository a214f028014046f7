using OrleansPlatform.Households;
using OrleansPlatform.People;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

public class ResidentIdTests
{
    [Theory]
    [InlineData("11010519491231002", 'X')] // the standard's own worked example
    [InlineData("61020419800101001", '3')] // sum 152, 152 mod 11 = 9 → '3'
    public void The_check_character_follows_ISO_7064_MOD_11_2(string first17, char expected)
    {
        Assert.Equal(expected, ResidentId.CheckCharacter(first17));
    }

    [Fact]
    public void A_valid_number_yields_its_birth_date_and_sex()
    {
        var id = Synthetic.IdNumber(new DateOnly(1985, 7, 14), Sex.Female, serial: 12);

        Assert.True(ResidentId.TryParse(id, out var birth, out var sex, out var error), error);
        Assert.Equal(new DateOnly(1985, 7, 14), birth);
        Assert.Equal(Sex.Female, sex);
    }

    [Fact]
    public void A_wrong_check_character_is_rejected()
    {
        var id = Synthetic.IdNumber(new DateOnly(1985, 7, 14), Sex.Male);
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');

        Assert.False(ResidentId.TryParse(wrong, out _, out _, out var error));
        Assert.Contains("check character", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("61020419990230001")] // 30 February
    [InlineData("61020418991231001")] // before 1900
    public void A_number_without_a_real_birth_date_is_rejected(string first17)
    {
        Assert.False(ResidentId.TryParse(first17 + ResidentId.CheckCharacter(first17), out _, out _, out var error));
        Assert.Contains("birth date", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("61020419800101001")]
    [InlineData("6102041980010100166")]
    [InlineData("61020419800101001x")]
    [InlineData("6102041980O101001X")]
    public void Malformed_numbers_are_rejected(string text)
    {
        Assert.False(ResidentId.TryParse(text, out _, out _, out _));
    }
}
