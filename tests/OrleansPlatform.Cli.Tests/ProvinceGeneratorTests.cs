using System.Text;
using OrleansPlatform.Areas;
using OrleansPlatform.Cli.Generation;
using OrleansPlatform.Households;
using OrleansPlatform.Imports;
using OrleansPlatform.People;

namespace OrleansPlatform.Cli.Tests;

public class ProvinceGeneratorTests(CountyData county) : IClassFixture<CountyData>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static readonly PovertyLineOptions Lines = new() { National = { [2016] = ProvinceGenerator.PovertyLine2016 } };

    private static string Files(GenerationSize size, int seed)
    {
        var generator = new ProvinceGenerator(size, seed);
        var text = new StringWriter();
        DataFiles.WriteAreas(generator.Areas, text);
        HouseholdCsv.Write(text, generator.Households());
        return text.ToString();
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_files_and_another_seed_different_ones()
    {
        var first = Files(GenerationSize.Tiny, 42);

        Assert.Equal(Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(Files(GenerationSize.Tiny, 42)));
        Assert.NotEqual(first, Files(GenerationSize.Tiny, 43));
    }

    [Fact]
    public void Writing_the_files_twice_gives_the_same_bytes()
    {
        var directory = Directory.CreateTempSubdirectory("platform-gen-").FullName;
        try
        {
            DataFiles.Write(new ProvinceGenerator(GenerationSize.Tiny, 5), Path.Combine(directory, "a"));
            DataFiles.Write(new ProvinceGenerator(GenerationSize.Tiny, 5), Path.Combine(directory, "b"));

            foreach (var file in new[] { DataFiles.AreasFile, DataFiles.HouseholdsFile })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(directory, "a", file)), File.ReadAllBytes(Path.Combine(directory, "b", file)));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Tiny_is_one_county_two_towns_four_villages_and_200_households()
    {
        var generator = new ProvinceGenerator(GenerationSize.Tiny, 1);
        var households = generator.Households().ToList();

        var levels = generator.Areas.GroupBy(a => AreaCode.Parse(a.Code).Level).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, levels[AreaLevel.County]);
        Assert.Equal(2, levels[AreaLevel.Town]);
        Assert.Equal(4, levels[AreaLevel.Village]);
        Assert.Equal(200, households.Count);
        Assert.Equal(620, households.Sum(h => h.Record.Members!.Count));
    }

    [Fact]
    public void Every_tiny_household_passes_the_validator_and_ids_start_with_the_county_prefix()
    {
        foreach (var (id, record) in new ProvinceGenerator(GenerationSize.Tiny, 3).Households())
        {
            HouseholdValidator.ValidateId(id);
            HouseholdValidator.Validate(record, Today);
            Assert.All(record.Members!, m => Assert.StartsWith("610204", m.IdNumber, StringComparison.Ordinal));
            Assert.StartsWith(record.VillageCode!, id, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Areas_come_parent_first_and_only_villages_carry_a_rural_population()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in county.Generator.Areas)
        {
            var code = AreaCode.Parse(area.Code);
            if (code.Parent is { } parent)
            {
                Assert.Contains(parent.Value, seen);
            }

            Assert.True(seen.Add(area.Code), $"{area.Code} twice");
            Assert.Equal(code.Level == AreaLevel.Village, area.RuralPopulation is > 0);
        }
    }

    [Fact]
    public void County_size_matches_shangzhou_households_and_people()
    {
        Assert.Equal(35_554, county.Households);
        Assert.Equal(110_166, county.People);
        Assert.Equal(county.Households, county.Generator.Villages.Sum(v => v.Households));
        Assert.StartsWith("611002", county.Generator.Villages[0].Code, StringComparison.Ordinal);
    }

    [Fact]
    public void No_two_people_in_the_county_share_an_id_number()
    {
        Assert.Equal(0, county.DuplicateIds);
    }

    [Fact]
    public void A_sample_of_the_county_passes_the_validator_with_ids_that_agree_with_birth_date_and_sex()
    {
        Assert.True(county.Sample.Count > 700);
        foreach (var record in county.Sample)
        {
            HouseholdValidator.Validate(record, Today);
            foreach (var member in record.Members!)
            {
                Assert.True(ResidentId.TryParse(member.IdNumber, out var birth, out var sex, out _));
                Assert.Equal((birth, sex), (member.BirthDate, member.Sex));
                Assert.StartsWith("611002", member.IdNumber, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Illness_is_the_most_common_cause_then_lack_of_funds_and_skills()
    {
        var ranked = county.Causes.OrderByDescending(c => c.Value).Select(c => c.Key).Take(3).ToList();

        Assert.Equal([PovertyCause.Illness, PovertyCause.LackOfFunds, PovertyCause.LackOfSkills], ranked);
        Assert.InRange(county.Causes[PovertyCause.Illness] / (double)county.Households, 0.35, 0.5);
    }

    [Fact]
    public void Some_households_meet_the_exit_standard_and_most_guarantees_hold()
    {
        var assessments = county.Sample.Select(r => ExitStandard.Assess(r, 2016, ProvinceGenerator.AsOf, Lines)).ToList();
        var meets = assessments.Count(a => a.Meets) / (double)assessments.Count;

        Assert.InRange(meets, 0.3, 0.8);
        Assert.True(assessments.Count(a => a.Guarantees.Housing) > 0.85 * assessments.Count);
        Assert.True(assessments.Count(a => a.Guarantees.Water) > 0.85 * assessments.Count);
        Assert.True(assessments.Count(a => a.Guarantees.Medical) > 0.9 * assessments.Count);
        Assert.InRange(assessments.Average(a => (double)a.PerCapitaNetIncome!.Value), 0.8 * 2952, 1.4 * 2952);
    }

    [Fact]
    public void Once_households_meeting_the_standard_exit_some_villages_fall_below_three_percent_and_others_do_not()
    {
        var generator = new ProvinceGenerator(GenerationSize.Tiny, 11);
        var remaining = generator.Villages.ToDictionary(v => v.Code, _ => 0);
        foreach (var (_, record) in generator.Households())
        {
            if (!ExitStandard.Assess(record, 2016, ProvinceGenerator.AsOf, Lines).Meets)
            {
                remaining[record.VillageCode!] += record.Members!.Count;
            }
        }

        var incidence = generator.Villages.Select(v => remaining[v.Code] / (double)v.RuralPopulation).ToList();
        Assert.Contains(incidence, i => i < 0.03);
        Assert.Contains(incidence, i => i >= 0.03);
    }

    [Fact]
    public void Household_sizes_are_one_to_six_averaging_about_three_point_one()
    {
        var sizes = county.Sample.Select(r => r.Members!.Count).ToList();

        Assert.All(sizes, s => Assert.InRange(s, 1, 6));
        Assert.InRange(county.People / (double)county.Households, 3.05, 3.15);
        Assert.Equal(6, sizes.Distinct().Count());
        Assert.All(county.Sample, r => Assert.Equal(1, r.Members!.Count(m => m.Relation == Relation.Head)));
    }

    [Fact]
    public void Province_plan_has_29_counties_and_the_article_totals_without_generating_households()
    {
        var generator = new ProvinceGenerator(GenerationSize.Province, 1);

        Assert.Equal(29, generator.Areas.Count(a => AreaCode.Parse(a.Code).Level == AreaLevel.County));
        Assert.Equal(406_000, generator.Villages.Sum(v => v.Households));
        Assert.Equal(1_260_000, generator.Villages.Sum(v => v.People));
        Assert.All(generator.Villages, v => Assert.InRange(v.People, v.Households, 6 * v.Households));
    }

    [Fact]
    public void Generated_households_survive_the_csv_round_trip()
    {
        var households = new ProvinceGenerator(GenerationSize.Tiny, 9).Households().ToList();
        var text = new StringWriter();
        HouseholdCsv.Write(text, households);

        var read = HouseholdCsv.Read(new StringReader(text.ToString())).ToList();

        Assert.Equal(households.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Empty(read[i].Errors);
            Assert.Equal(households[i].HouseholdId, read[i].HouseholdId);
            Assert.Equal(
                System.Text.Json.JsonSerializer.Serialize(households[i].Record, PlatformJson.Options),
                System.Text.Json.JsonSerializer.Serialize(read[i].Record, PlatformJson.Options));
        }
    }
}
