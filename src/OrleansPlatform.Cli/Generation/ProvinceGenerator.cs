using OrleansPlatform.Households;

namespace OrleansPlatform.Cli.Generation;

/// <summary>
/// Deterministic synthetic data for a province, a county or a tiny test area. The constructor plans the
/// areas (a few thousand rows at most) with exact household and people totals per village;
/// <see cref="Households"/> then streams the households village by village, holding one at a time.
/// The same size and seed always give the same areas and households: every draw comes from
/// <see cref="Random"/> seeded with the seed, and nothing depends on the clock or on Guids.
/// </summary>
public sealed class ProvinceGenerator
{
    private static readonly Dictionary<string, string> CityNames = new(StringComparer.Ordinal)
    {
        ["6101"] = "Xi'an City", ["6102"] = "Tongchuan City", ["6103"] = "Baoji City", ["6104"] = "Xianyang City",
        ["6105"] = "Weinan City", ["6106"] = "Yan'an City", ["6107"] = "Hanzhong City", ["6108"] = "Yulin City",
        ["6109"] = "Ankang City", ["6110"] = "Shangluo City",
    };

    // Household sizes 1–6; the mean is about 3.2 before each village is adjusted to its exact people total.
    private static readonly double[] SizeWeights = [0.14, 0.23, 0.22, 0.21, 0.13, 0.07];

    private readonly List<GeneratedArea> areas = [];
    private readonly List<VillagePlan> villages = [];
    private readonly int seed;

    /// <summary>The day the records describe: ages, schooling and incomes (2015 and 2016) are as of the end of 2016.</summary>
    public static DateOnly AsOf => HouseholdFactory.AsOf;

    /// <summary>The 2016 national poverty line the incomes are generated around (yuan per person).</summary>
    public static decimal PovertyLine2016 => HouseholdFactory.Line2016;

    /// <summary>Plans the areas and villages of <paramref name="size"/> from <paramref name="seed"/>.</summary>
    public ProvinceGenerator(GenerationSize size, int seed)
    {
        Profile = SizeProfile.For(size);
        this.seed = seed;
        Plan(new Random(seed));
    }

    /// <summary>The targets generated to.</summary>
    public SizeProfile Profile { get; }

    /// <summary>Province, cities, counties, towns and villages, each after its parent (ordered by code).</summary>
    public IReadOnlyList<GeneratedArea> Areas => areas;

    /// <summary>The plan of every village, in the order their households are generated.</summary>
    public IReadOnlyList<VillagePlan> Villages => villages;

    /// <summary>
    /// Every household, village by village, with ids <c>{villageCode}-{nnnn}</c>. Each enumeration starts
    /// afresh and yields the same sequence.
    /// </summary>
    public IEnumerable<(string HouseholdId, HouseholdRecord Record)> Households()
    {
        var random = new Random(unchecked((seed * 7919) + 104_729));
        var ids = new IdNumberAllocator(HouseholdFactory.AsOf);
        var factory = new HouseholdFactory(random, ids);
        var county = -1;
        foreach (var village in villages)
        {
            if (village.CountyIndex != county)
            {
                county = village.CountyIndex;
                ids.StartCounty(Profile.Counties[county].Code, random.Next(IdNumberAllocator.SerialsPerDay));
            }

            var sizes = Sizes(random, village.Households, village.People);
            for (var i = 0; i < sizes.Length; i++)
            {
                var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{village.Code}-{i + 1:D4}");
                yield return (id, factory.Create(village.Code, sizes[i], random.Chance(village.ExitReadyShare)));
            }
        }
    }

    private void Plan(Random random)
    {
        var counties = Profile.Counties.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        if (!counties.SequenceEqual(Profile.Counties))
        {
            throw new InvalidOperationException("Counties of a profile are listed in code order, so areas come out parent-first.");
        }

        var countyHouseholds = Apportion.Split(Profile.Households, [.. counties.Select(_ => random.Between(0.6, 1.4))]);
        var countyPeople = Apportion.Split(Profile.People, [.. countyHouseholds.Select(h => h * random.Between(0.97, 1.03))]);

        areas.Add(new GeneratedArea("610000000000", "Shaanxi Province", null));
        var countyNames = new HashSet<string>(counties.Where(c => c.Name is not null).Select(c => c.Name!), StringComparer.Ordinal);
        string? city = null;
        for (var c = 0; c < counties.Count; c++)
        {
            var code = counties[c].Code;
            if (code[..4] != city)
            {
                city = code[..4];
                areas.Add(new GeneratedArea($"{city}00000000", CityNames[city], null));
            }

            var countyName = counties[c].Name ?? SyntheticNames.Place(random, "County", countyNames);
            areas.Add(new GeneratedArea($"{code}000000", countyName, null));
            PlanCounty(random, c, code, countyHouseholds[c], countyPeople[c]);
        }
    }

    private void PlanCounty(Random random, int countyIndex, string countyCode, int households, int people)
    {
        var towns = random.Next(Profile.TownsPerCounty.Min, Profile.TownsPerCounty.Max + 1);
        var villagesPerTown = Enumerable.Range(0, towns).Select(_ => random.Next(Profile.VillagesPerTown.Min, Profile.VillagesPerTown.Max + 1)).ToArray();
        var villageCount = villagesPerTown.Sum();
        var villageHouseholds = Apportion.Split(households, [.. Enumerable.Range(0, villageCount).Select(_ => random.Between(0.4, 1.6))]);
        var villagePeople = Apportion.Split(people, [.. villageHouseholds.Select(h => h * random.Between(0.9, 1.1))]);

        // In each run of three villages one is "advanced": nearly all its households meet the exit
        // standard and its incidence at registration is low, so once they exit it falls below 3%.
        // In the others many households remain poor, so it stays above.
        var townNames = new HashSet<string>(StringComparer.Ordinal);
        var v = 0;
        var advancedSlot = 0;
        for (var t = 0; t < towns; t++)
        {
            var townCode = $"{countyCode}{100 + t:D3}";
            areas.Add(new GeneratedArea($"{townCode}000", SyntheticNames.Place(random, "Town", townNames), null));
            var villageNames = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < villagesPerTown[t]; i++, v++)
            {
                if (v % 3 == 0)
                {
                    advancedSlot = random.Next(3);
                }

                var isAdvanced = v % 3 == advancedSlot;
                var (incidence, readyShare) = isAdvanced
                    ? (random.Between(0.06, 0.14), random.Between(0.97, 1.0))
                    : (random.Between(0.14, 0.35), random.Between(0.15, 0.65));
                var (h, p) = (villageHouseholds[v], villagePeople[v]);
                if (h < 1 || p < h || p > 6 * h)
                {
                    throw new InvalidOperationException($"Village {v} of county {countyCode} got {h} households and {p} people; sizes are 1–6.");
                }

                var code = $"{townCode}{200 + i:D3}";
                var ruralPopulation = (long)Math.Round(p / incidence);
                areas.Add(new GeneratedArea(code, SyntheticNames.Place(random, "Village", villageNames), ruralPopulation));
                villages.Add(new VillagePlan(code, countyIndex, h, p, ruralPopulation, readyShare));
            }
        }
    }

    private static int[] Sizes(Random random, int households, int people)
    {
        var sizes = new int[households];
        var total = 0;
        for (var i = 0; i < households; i++)
        {
            sizes[i] = 1 + random.Pick(SizeWeights);
            total += sizes[i];
        }

        while (total != people)
        {
            var i = random.Next(households);
            if (total < people && sizes[i] < 6)
            {
                sizes[i]++;
                total++;
            }
            else if (total > people && sizes[i] > 1)
            {
                sizes[i]--;
                total--;
            }
        }

        return sizes;
    }
}
