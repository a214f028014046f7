using OrleansPlatform.Areas;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Grains.Tests.Areas;

public class AreaRulesTests
{
    [Fact]
    public void A_valid_name_is_trimmed()
    {
        Assert.Equal("Hulu Village", AreaRules.Validate(new AreaInput("  Hulu Village ", 1200)));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_by_field()
    {
        var error = Assert.Throws<DomainException>(() => AreaRules.Validate(new AreaInput("   ", -5)));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.NotNull(error.Errors);
        Assert.Equal(["name", "ruralPopulation"], error.Errors.Keys.Order());
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_rejected()
    {
        var error = Assert.Throws<DomainException>(() => AreaRules.Validate(new AreaInput(new string('x', AreaRules.MaxNameLength + 1), null)));

        Assert.Contains("name", error.Errors!.Keys);
    }

    [Fact]
    public void A_name_at_the_limit_and_a_zero_population_are_accepted()
    {
        var name = new string('x', AreaRules.MaxNameLength);

        Assert.Equal(name, AreaRules.Validate(new AreaInput(name, 0)));
    }
}
