using OrleansPlatform.Households;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

public class RecordDiffTests
{
    [Fact]
    public void Changed_leaves_are_named_by_json_path_with_old_and_new_values()
    {
        var before = Synthetic.Household("610204100201");
        var members = before.Members!.ToArray();
        members[1] = members[1] with { Health = Health.SeriousIllness };
        var after = before with { Members = members, SafeDrinkingWater = false };

        var changes = RecordDiff.Between(before, after);

        Assert.Equal(["members[1].health", "safeDrinkingWater"], changes.Select(c => c.Path));
        Assert.Equal(("\"healthy\"", "\"seriousIllness\""), (changes[0].Old, changes[0].New));
    }

    [Fact]
    public void A_new_record_lists_every_field_as_added()
    {
        var changes = RecordDiff.Between(null, Synthetic.Household("610204100201"));

        Assert.Contains(changes, c => c.Path == "members[0].idNumber" && c.Old is null && c.New is not null);
        Assert.Contains(changes, c => c.Path == "villageCode" && c.New == "\"610204100201\"");
    }

    [Fact]
    public void Identical_records_have_no_changes()
    {
        var record = Synthetic.Household("610204100201");

        Assert.Empty(RecordDiff.Between(record, record with { }));
    }
}
