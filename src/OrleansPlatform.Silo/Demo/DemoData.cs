using OrleansPlatform.Areas;
using OrleansPlatform.Households;

namespace OrleansPlatform.Silo.Demo;

/// <summary>
/// The demo data run.sh seeds: the chain from the article (Shaanxi → Tongchuan → Yaozhou District →
/// Yaoqu Town → Hulu Village) and Shangzhou District of Shangluo. Town and village digits and the
/// populations are invented; the code shapes are real.
/// </summary>
public static class DemoData
{
    /// <summary>Areas parent-first, so each parent exists before its children.</summary>
    public static IReadOnlyList<(string Code, string Name, long? RuralPopulation)> Areas { get; } =
    [
        ("610000000000", "Shaanxi Province", null),
        ("610200000000", "Tongchuan City", null),
        ("610204000000", "Yaozhou District", null),
        ("610204100000", "Yaoqu Town", null),
        ("610204100201", "Hulu Village", 1860),
        ("610204100202", "Shuangqiao Village", 1420),
        ("611000000000", "Shangluo City", null),
        ("611002000000", "Shangzhou District", null),
        ("611002101000", "Yezhuang Town", null),
        ("611002101201", "Beikuan Village", 2310),
    ];

    /// <summary>
    /// Demo households of Hulu Village, like those the article's cooperative helped (walnuts,
    /// chickens). Names are placeholders and ID numbers synthetic (valid check character, never real).
    /// </summary>
    public static IReadOnlyList<(string Id, HouseholdRecord Record)> Households { get; } =
    [
        ("hulu-001", DemoHousehold(PovertyCause.LackOfFunds, 2480m, (Relation.Head, 1968, Sex.Male), (Relation.Spouse, 1970, Sex.Female), (Relation.Child, 2005, Sex.Male))),
        ("hulu-002", DemoHousehold(PovertyCause.Illness, 3350m, (Relation.Head, 1955, Sex.Female), (Relation.Grandchild, 2006, Sex.Female))),
        ("hulu-003", DemoHousehold(PovertyCause.LackOfSkills, 1890m, (Relation.Head, 1979, Sex.Male), (Relation.Spouse, 1981, Sex.Female), (Relation.Parent, 1950, Sex.Male), (Relation.Child, 2006, Sex.Female))),
    ];

    /// <summary>Creates the demo areas and households that do not exist yet; returns how many were new.</summary>
    public static async Task<int> SeedAsync(IClusterClient client, Action<string> log)
    {
        var created = 0;
        foreach (var (code, name, population) in Areas)
        {
            var result = await client.GetGrain<IAreaGrain>(code).UpsertAsync(new AreaInput(name, population));
            if (result.Created)
            {
                created++;
            }
        }

        foreach (var (id, record) in Households)
        {
            var household = client.GetGrain<IHouseholdGrain>(GrainKeys.Household(id));
            if (await household.GetAsync() is null)
            {
                await household.PutAsync(record, null);
                created++;
            }
        }

        log(created == 0
            ? $"Demo data already present ({Areas.Count} areas, {Households.Count} households)."
            : $"Seeded {created} new demo item(s) ({Areas.Count} areas, {Households.Count} households in all).");
        return created;
    }

    private static HouseholdRecord DemoHousehold(PovertyCause cause, decimal perCapita2016, params (Relation Relation, int BirthYear, Sex Sex)[] people)
    {
        var members = people
            .Select((p, i) => SyntheticHouseholds.Member(
                p.Relation,
                new DateOnly(p.BirthYear, 3, 1 + (i * 3)),
                p.Sex,
                serial: 50 + i,
                asOf: new DateOnly(2016, 12, 1), // the demo records describe the households in 2016
                health: cause == PovertyCause.Illness && p.Relation == Relation.Head ? Health.ChronicIllness : Health.Healthy) with
            {
                Name = $"Demo {p.Relation} {i + 1}",
            })
            .ToList();
        return SyntheticHouseholds.Household("610204100201", cause, members, perCapita2016);
    }
}
