using OrleansPlatform.Access;
using OrleansPlatform.Accounts;
using OrleansPlatform.Silo.Demo;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Silo.Tests.Demo;

public class DemoAccountsTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>
{
    [Fact]
    public async Task The_demo_has_one_account_per_role_with_fresh_passwords_on_every_seed()
    {
        await DemoData.SeedAsync(fixture.Client, _ => { });
        var first = await DemoAccounts.SeedAsync(fixture.Client);
        var second = await DemoAccounts.SeedAsync(fixture.Client);

        Assert.Equal(Enum.GetValues<Role>().Order(), first.Select(a => a.Role).Order());
        Assert.All(first.Zip(second), pair => Assert.NotEqual(pair.First.Password, pair.Second.Password));
        foreach (var (login, role, password) in second)
        {
            var account = fixture.Client.GetGrain<IAccountGrain>(GrainKeys.Account(login));
            var signIn = await account.SignInAsync(password);
            Assert.Equal(SignInOutcome.Succeeded, signIn.Outcome);
            Assert.Equal(role, signIn.Principal!.Role);
        }

        var stale = await fixture.Client.GetGrain<IAccountGrain>(GrainKeys.Account(first[0].Login)).SignInAsync(first[0].Password);
        Assert.Equal(SignInOutcome.Invalid, stale.Outcome);
    }
}
