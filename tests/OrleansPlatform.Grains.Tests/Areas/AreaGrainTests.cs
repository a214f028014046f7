using OrleansPlatform.Areas;
using OrleansPlatform.Errors;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Areas;

public class AreaGrainTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>
{
    private static int s_province = 10;

    private IAreaGrain Area(string code) => fixture.Client.GetGrain<IAreaGrain>(code);

    // Only area rows: rosters and rollups of earlier tests keep writing their own rows in the background.
    private Task<long> CountStateRowsAsync() => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state WHERE state_name = 'area'");

    /// <summary>Each test builds its own hierarchy under a province nobody else uses.</summary>
    private static string NewProvince() => $"{Interlocked.Increment(ref s_province)}0000000000";

    [Fact]
    public async Task Creating_a_hierarchy_links_each_area_to_its_parent()
    {
        var province = NewProvince();
        var city = province[..2] + "0200000000";
        var county = province[..2] + "0204000000";
        var town = province[..2] + "0204100000";
        var village = province[..2] + "0204100201";

        Assert.True((await Area(province).UpsertAsync(new AreaInput("Province", null))).Created);
        await Area(city).UpsertAsync(new AreaInput("City", null));
        await Area(county).UpsertAsync(new AreaInput("County", null));
        await Area(town).UpsertAsync(new AreaInput("Town", null));
        var created = await Area(village).UpsertAsync(new AreaInput("Village", 1234));

        Assert.True(created.Created);
        Assert.Equal(AreaLevel.Village, created.Area.Level);
        Assert.Equal(town, created.Area.ParentCode);
        Assert.Equal(1234, created.Area.RuralPopulation);
        Assert.Equal([city], (await Area(province).GetAsync())!.Children);
        Assert.Equal([village], (await Area(town).GetAsync())!.Children);
    }

    [Fact]
    public async Task Updating_an_area_keeps_its_children_and_reports_it_was_not_created()
    {
        var province = NewProvince();
        var city = province[..2] + "0100000000";
        await Area(province).UpsertAsync(new AreaInput("Old name", null));
        await Area(city).UpsertAsync(new AreaInput("City", null));

        var updated = await Area(province).UpsertAsync(new AreaInput("New name", 5));

        Assert.False(updated.Created);
        Assert.Equal("New name", updated.Area.Name);
        Assert.Equal(5, updated.Area.RuralPopulation);
        Assert.Equal([city], updated.Area.Children);
    }

    [Fact]
    public async Task An_area_whose_parent_is_missing_is_refused_and_nothing_is_written()
    {
        var province = NewProvince();
        var orphan = province[..2] + "0204100201";
        var rowsBefore = await CountStateRowsAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => Area(orphan).UpsertAsync(new AreaInput("Orphan", 10)));

        Assert.Equal(DomainErrorKind.Unprocessable, error.Kind);
        Assert.Equal("area.parent-missing", error.Code);
        Assert.Null(await Area(orphan).GetAsync());
        Assert.Null(await Area(province).GetAsync());
        Assert.Equal(rowsBefore, await CountStateRowsAsync());
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_every_field_named_and_nothing_is_written()
    {
        var province = NewProvince();
        var rowsBefore = await CountStateRowsAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => Area(province).UpsertAsync(new AreaInput("", -1)));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Equal(["name", "ruralPopulation"], error.Errors!.Keys.Order());
        Assert.False(await Area(province).ExistsAsync());
        Assert.Equal(rowsBefore, await CountStateRowsAsync());
    }

    [Fact]
    public async Task An_area_survives_deactivation_and_is_read_back_from_PostgreSQL()
    {
        var province = NewProvince();
        var city = province[..2] + "0300000000";
        await Area(province).UpsertAsync(new AreaInput("Persisted", 42));
        await Area(city).UpsertAsync(new AreaInput("Child", null));

        await fixture.Cluster.DeactivateAsync(Area(province));
        await fixture.Cluster.WaitForDeactivationAsync(Area(province));

        var read = await Area(province).GetAsync();
        Assert.NotNull(read);
        Assert.Equal("Persisted", read.Name);
        Assert.Equal(42, read.RuralPopulation);
        Assert.Equal([city], read.Children);
    }

    [Fact]
    public async Task Concurrent_creation_of_many_children_loses_none()
    {
        var province = NewProvince();
        await Area(province).UpsertAsync(new AreaInput("Province", null));
        var cities = Enumerable.Range(1, 30).Select(i => $"{province[..2]}{i:D2}00000000").ToArray();

        await Task.WhenAll(cities.Select(c => Area(c).UpsertAsync(new AreaInput($"City {c}", null))));

        Assert.Equal(cities, (await Area(province).GetAsync())!.Children);
    }
}
