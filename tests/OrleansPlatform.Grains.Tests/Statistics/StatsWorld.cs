using OrleansPlatform.Areas;
using OrleansPlatform.Households;
using OrleansPlatform.Statistics;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Statistics;

/// <summary>
/// A small province for statistics tests: 2 counties of 2 towns of 2 villages, households written at
/// random, and figures recomputed independently from the households' own views to compare with.
/// </summary>
public sealed class StatsWorld(IClusterClient client, string province, int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Every area, top-down.</summary>
    public List<string> Areas { get; } = [];

    /// <summary>The villages.</summary>
    public List<string> Villages { get; } = [];

    /// <summary>Ids of households written (some may have failed during faults).</summary>
    public List<string> Households { get; } = [];

    /// <summary>Creates the areas with random rural populations.</summary>
    public async Task CreateAreasAsync()
    {
        var p = province[..2];
        await Upsert(province, null);
        await Upsert($"{p}0200000000", null);
        foreach (var county in new[] { "04", "05" })
        {
            await Upsert($"{p}02{county}000000", null);
            foreach (var town in new[] { "101", "102" })
            {
                await Upsert($"{p}02{county}{town}000", null);
                foreach (var village in new[] { "201", "202" })
                {
                    var code = $"{p}02{county}{town}{village}";
                    await Upsert(code, _random.Next(300, 1500));
                    Villages.Add(code);
                }
            }
        }
    }

    /// <summary>Registers a household in a random village with random income and cause.</summary>
    public async Task RegisterAsync()
    {
        var id = $"s-{Guid.NewGuid():N}"[..22];
        lock (Households)
        {
            Households.Add(id);
        }

        var extra = _random.Next(0, 3) switch
        {
            0 => Array.Empty<Member>(),
            1 => [Synthetic.Member(Relation.Child, 9, inSchool: _random.Next(4) > 0)],
            _ => [Synthetic.Member(Relation.Parent, 70, health: Health.ChronicIllness), Synthetic.Member(Relation.Child, 17)],
        };
        var record = Synthetic.Household(Pick(Villages), _random.Next(1500, 6000), extra) with
        {
            PrimaryCause = (PovertyCause)_random.Next(1, 14),
            OtherCauses = [],
            SafeDrinkingWater = _random.Next(5) > 0,
        };
        await Household(id).PutAsync(record, null);
    }

    /// <summary>Moves a random household a step: exit, relocation, removal or return to poverty.</summary>
    public async Task ChangeAsync()
    {
        string id;
        lock (Households)
        {
            id = Pick(Households);
        }

        var view = await Household(id).GetAsync();
        if (view is null)
        {
            return;
        }

        var date = new DateOnly(2016, 12, 1);
        Task<HouseholdView> Move(HouseholdStatus to, string? reason = null) =>
            Household(id).TransitionAsync(new StatusTransition { To = to, EffectiveDate = date, Reason = reason });
        switch (_random.Next(5))
        {
            case 0 when view.MeetsExitStandard && view.Status is HouseholdStatus.Registered or HouseholdStatus.ReturnedToPoverty:
                await Move(HouseholdStatus.ExitProposed);
                break;
            case 1 when view.Status == HouseholdStatus.ExitProposed && view.MeetsExitStandard:
                await Move(HouseholdStatus.Exited);
                break;
            case 2 when view.Status == HouseholdStatus.Exited:
                await Move(HouseholdStatus.ReturnedToPoverty);
                break;
            case 3 when view.Status != HouseholdStatus.Removed:
                await Move(HouseholdStatus.Removed, "Wrongly registered");
                break;
            default:
                await Household(id).PutAsync(view.Record with { VillageCode = Pick(Villages) }, view.Version);
                break;
        }
    }

    /// <summary>The expected figures of an area, counted here from each household's own view.</summary>
    public async Task<(int Households, int People, int PoorHouseholds, int PoorPeople, int Exited, int Removed, long RuralPopulation)> ExpectedAsync(string area)
    {
        var code = AreaCode.Parse(area);
        var views = (await Task.WhenAll(Households.Select(id => Household(id).GetAsync())))
            .Where(v => v is not null && code.Contains(AreaCode.Parse(v.Record.VillageCode!)))
            .Select(v => v!)
            .ToList();
        var live = views.Where(v => v.Status != HouseholdStatus.Removed).ToList();
        var poor = live.Where(v => v.Status is HouseholdStatus.Registered or HouseholdStatus.ExitProposed or HouseholdStatus.ReturnedToPoverty).ToList();
        long population = 0;
        foreach (var village in Villages.Where(v => code.Contains(AreaCode.Parse(v))))
        {
            population += (await client.GetGrain<IAreaGrain>(village).GetAsync())!.RuralPopulation ?? 0;
        }

        return (live.Count, live.Sum(v => v.Record.Members!.Count), poor.Count, poor.Sum(v => v.Record.Members!.Count),
            live.Count(v => v.Status == HouseholdStatus.Exited), views.Count - live.Count, population);
    }

    /// <summary>The served figures in the same shape.</summary>
    public async Task<(int Households, int People, int PoorHouseholds, int PoorPeople, int Exited, int Removed, long RuralPopulation)> ServedAsync(string area)
    {
        var s = await StatsRouting.GetStatsAsync(client, AreaCode.Parse(area));
        return (s.Households, s.People, s.PoorHouseholds, s.PoorPeople, s.ExitedHouseholds, s.RemovedHouseholds, s.RuralPopulation ?? 0);
    }

    /// <summary>Areas whose served figures differ from the independent count; empty when all agree.</summary>
    public async Task<List<string>> MismatchesAsync()
    {
        var mismatches = new List<string>();
        foreach (var area in Areas)
        {
            var (expected, served) = (await ExpectedAsync(area), await ServedAsync(area));
            if (expected != served)
            {
                mismatches.Add($"{area}: expected {expected}, served {served}");
            }
        }

        return mismatches;
    }

    private IHouseholdGrain Household(string id) => client.GetGrain<IHouseholdGrain>(GrainKeys.Household(id));

    private T Pick<T>(List<T> items) => items[_random.Next(items.Count)];

    private async Task Upsert(string code, long? population)
    {
        await client.GetGrain<IAreaGrain>(code).UpsertAsync(new AreaInput($"Area {code}", population));
        Areas.Add(code);
    }
}
