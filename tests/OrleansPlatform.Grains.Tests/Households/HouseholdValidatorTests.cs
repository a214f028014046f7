using OrleansPlatform.Errors;
using OrleansPlatform.Households;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

public class HouseholdValidatorTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string[]> ErrorsOf(HouseholdRecord record)
    {
        var error = Assert.Throws<DomainException>(() => HouseholdValidator.Validate(record, Today));
        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        return error.Errors!;
    }

    [Fact]
    public void A_complete_consistent_record_is_valid()
    {
        HouseholdValidator.Validate(Synthetic.Household("610204100201"), Today);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_keyed_by_json_path()
    {
        var record = Synthetic.Household("610204100201", 2000m, Synthetic.Member(Relation.Child, 10));
        var members = record.Members!.ToArray();
        members[2] = members[2] with { IdNumber = members[2].IdNumber![..17] + (members[2].IdNumber![17] == '1' ? '2' : '1') };
        members[1] = members[1] with { Sex = Sex.Male, Name = "" };
        record = record with { Members = members, Standard = null, OtherCauses = [PovertyCause.LackOfSkills], Housing = null };

        var errors = ErrorsOf(record);

        Assert.Equal(
            ["housing", "members[1].name", "members[1].sex", "members[2].idNumber", "otherCauses[0]", "standard"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Exactly_one_head_is_required()
    {
        var record = Synthetic.Household("610204100201", 2000m, Synthetic.Member(Relation.Head, 70));

        Assert.Contains("members", ErrorsOf(record).Keys);
    }

    [Fact]
    public void Birth_date_must_match_the_id_number_and_ids_must_be_distinct()
    {
        var record = Synthetic.Household("610204100201");
        var members = record.Members!.ToArray();
        members[0] = members[0] with { BirthDate = members[0].BirthDate!.Value.AddDays(1) };
        members[1] = members[1] with { IdNumber = members[0].IdNumber, Sex = Sex.Male };

        var errors = ErrorsOf(record with { Members = members });

        Assert.Contains("members[0].birthDate", errors.Keys);
        Assert.Contains("members[1].idNumber", errors.Keys);
    }

    [Theory]
    [InlineData("610204100000")]
    [InlineData("6102041002")]
    public void The_village_code_must_be_a_village(string code)
    {
        Assert.Contains("villageCode", ErrorsOf(Synthetic.Household(code)).Keys);
    }

    [Fact]
    public void Other_causes_are_at_most_two_and_distinct()
    {
        var record = Synthetic.Household("610204100201") with
        {
            OtherCauses = [PovertyCause.Illness, PovertyCause.Illness, PovertyCause.Disaster],
        };

        var errors = ErrorsOf(record);

        Assert.Contains("otherCauses", errors.Keys);
        Assert.Contains("otherCauses[1]", errors.Keys);
    }

    [Fact]
    public void Members_are_limited_to_twenty()
    {
        var extra = Enumerable.Range(0, 19).Select(_ => Synthetic.Member(Relation.Other, 30)).ToArray();

        Assert.Contains("members", ErrorsOf(Synthetic.Household("610204100201", 2000m, extra)).Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ünicode")]
    public void Household_ids_are_letters_digits_and_dashes(string id)
    {
        var error = Assert.Throws<DomainException>(() => HouseholdValidator.ValidateId(id));
        Assert.Contains("householdId", error.Errors!.Keys);
    }

    [Fact]
    public void A_household_id_of_64_characters_is_accepted_and_65_refused()
    {
        HouseholdValidator.ValidateId(new string('a', 64));
        Assert.Throws<DomainException>(() => HouseholdValidator.ValidateId(new string('a', 65)));
    }
}
