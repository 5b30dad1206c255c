using System.Threading.RateLimiting;
using StudyHub.Kernel.Cluster;

namespace StudyHub.Server.Cluster;

/// <summary>
/// The API's per-user and per-address request limit counted in <see cref="IRateCounter"/> (Redis),
/// for the framework's rate-limiting middleware. It keeps no state of its own: the middleware's
/// synchronous attempt is always declined, which sends it to <see cref="AcquireAsyncCore"/> where
/// the shared counter is asked.
/// </summary>
internal sealed class SharedRequestLimiter(IRateCounter counter, Func<HttpContext, (string Key, int PermitsPerMinute)> partition)
    : PartitionedRateLimiter<HttpContext>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        permitCount == 0 ? Lease.Granted : Lease.NotYetCounted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        var (key, permits) = partition(resource);
        var count = await counter.CountAsync("api:" + key, permits, Window, cancellationToken);
        return count.Allowed ? Lease.Granted : new Lease(false, count.RetryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease NotYetCounted = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
