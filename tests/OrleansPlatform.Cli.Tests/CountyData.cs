using OrleansPlatform.Cli.Generation;
using OrleansPlatform.Households;

namespace OrleansPlatform.Cli.Tests;

/// <summary>The county size generated once for all tests that need it (a few seconds), summarised, not kept.</summary>
public sealed class CountyData
{
    public CountyData()
    {
        Generator = new ProvinceGenerator(GenerationSize.County, 7);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var (_, record) in Generator.Households())
        {
            Households++;
            foreach (var member in record.Members!)
            {
                People++;
                if (!ids.Add(member.IdNumber!))
                {
                    DuplicateIds++;
                }
            }

            if (i++ % 50 == 0)
            {
                Sample.Add(record);
            }

            Causes[record.PrimaryCause!.Value] = Causes.GetValueOrDefault(record.PrimaryCause!.Value) + 1;
        }
    }

    public ProvinceGenerator Generator { get; }

    public int Households { get; }

    public int People { get; }

    public int DuplicateIds { get; }

    /// <summary>Every 50th household.</summary>
    public List<HouseholdRecord> Sample { get; } = [];

    public Dictionary<PovertyCause, int> Causes { get; } = [];
}
