using OrleansPlatform.Access;
using OrleansPlatform.Accounts;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Grains.Tests.Accounts;

public class AccessRulesTests
{
    [Theory]
    [InlineData("610204000000", "610204100201", true)]
    [InlineData("610204000000", "610204000000", true)]
    [InlineData("610204000000", "610200000000", false)] // the city above
    [InlineData("610204000000", "610205100201", false)] // the county next door
    [InlineData("610204100000", "610204101201", false)] // a town's prefix is 9 digits, not 7
    [InlineData("610000000000", "620000000000", false)]
    public void A_caller_reaches_its_area_and_everything_below_by_code_prefix(string own, string target, bool reaches)
    {
        Assert.Equal(reaches, new Caller("x", Role.Viewer, own).Reaches(target));
    }

    [Fact]
    public void A_system_administrator_reaches_everything_and_a_caller_without_area_nothing()
    {
        Assert.True(Caller.System("seed").Reaches("620102100201"));
        Assert.False(new Caller("x", Role.Viewer, null).Reaches("610204100201"));
    }

    [Fact]
    public void Only_data_entry_and_area_admins_hold_the_personal_data_permission()
    {
        Assert.Equal([Role.AreaAdmin, Role.DataEntry], Permissions.RolesWith(Permission.PersonalData).Order());
    }

    [Theory]
    [InlineData("610204198001011234", "6102**********1234")]
    [InlineData("61020419800101123X", "6102**********123X")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Id_numbers_keep_their_first_and_last_four_characters(string? value, string? masked)
    {
        Assert.Equal(masked, PersonalDataMask.IdNumber(value));
    }

    [Fact]
    public void Phones_keep_their_first_three_and_last_four_characters_and_short_values_are_fully_masked()
    {
        Assert.Equal("138****5678", PersonalDataMask.Phone("13812345678"));
        Assert.Equal("*****", PersonalDataMask.Phone("12345"));
    }

    [Theory]
    [InlineData("Short-1a", "12 to 128")]
    [InlineData("alllowercaseletters", "three of")]
    [InlineData("Contains-Login-clerk-7", "login")]
    public void The_password_policy_names_what_is_wrong(string password, string problem)
    {
        Assert.Contains(problem, PasswordPolicy.Problem("clerk", password), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_passwords_meet_the_policy_and_differ()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PasswordPolicy.Generate()).ToList();

        Assert.All(passwords, p => Assert.Null(PasswordPolicy.Problem("someone", p)));
        Assert.Equal(50, passwords.Distinct().Count());
    }

    [Fact]
    public void An_area_administrator_cannot_create_a_system_administrator()
    {
        var admin = new Caller("admin", Role.AreaAdmin, "610204000000");
        using var _ = CallerContext.Use(admin);

        var error = Assert.Throws<DomainException>(() => AccountRules.AuthorizeChange(admin, "root", null, Role.SystemAdmin, null));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
    }
}
