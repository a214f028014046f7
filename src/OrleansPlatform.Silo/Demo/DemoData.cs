using OrleansPlatform.Areas;

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

    /// <summary>Creates or refreshes every demo area through the grains; returns how many were new.</summary>
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

        log(created == 0
            ? $"Demo data already present ({Areas.Count} areas)."
            : $"Seeded {created} new demo area(s) of {Areas.Count}.");
        return created;
    }
}
