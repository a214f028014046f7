using System.Net;
using System.Net.Http.Json;
using OrleansPlatform.Access;

namespace OrleansPlatform.Gateway.Tests.Access;

/// <summary>Rate limits on the token endpoint and per account: 429 with Retry-After.</summary>
public class RateLimitTests(LowRateLimitGatewayFactory factory) : IClassFixture<LowRateLimitGatewayFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_retry_after()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/token", new { login = "limit-test", password = "Wrong-password-1" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names a wait");
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_account_beyond_its_request_limit_gets_429_while_another_account_is_served()
    {
        var busy = await factory.CreateClientAsAsync(Role.Viewer, "610204000000");
        var other = await factory.CreateClientAsAsync(Role.Auditor, "610204000000");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await busy.GetAsync("/api/v1/auth/me")).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/auth/me")).StatusCode);
    }
}
