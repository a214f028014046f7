namespace OrleansPlatform.Gateway.Tests.Access;

/// <summary>A gateway whose rate limits are low enough to reach in a test.</summary>
public sealed class LowRateLimitGatewayFactory : GatewayFactory
{
    public LowRateLimitGatewayFactory()
    {
        TokenRequestsPerWindow = 3;
        AccountRequestsPerWindow = 5;
    }
}
