using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Files;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Storage;

/// <summary>The same contract on both stores: bytes in equal bytes out, delete, exists, and a working download link.</summary>
public abstract class FileStoreContract : IDisposable
{
    protected FileStoreContract(StudyHubFactory factory)
    {
        Factory = factory;
    }

    protected StudyHubFactory Factory { get; }

    protected IFileStore Store => Factory.Services.GetRequiredService<IFileStore>();

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Downloads through the store's link (relative links go to the test host).</summary>
    protected abstract Task<HttpResponseMessage> DownloadAsync(Uri url);

    [Fact]
    public async Task Stored_bytes_come_back_identical_through_open_and_the_download_link()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var key = FileKeys.New("tests", "photo-1.jpg");
        await Store.PutAsync(key, new MemoryStream(bytes), "image/jpeg", CancellationToken.None);

        Assert.True(await Store.ExistsAsync(key, CancellationToken.None));
        await using (var file = await Store.OpenAsync(key, CancellationToken.None))
        {
            Assert.NotNull(file);
            Assert.Equal("image/jpeg", file.ContentType);
            Assert.Equal(bytes.Length, file.Length);
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        using var download = await DownloadAsync(await Store.GetDownloadUrlAsync(key, TimeSpan.FromMinutes(5), "worksheet.jpg", CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("worksheet.jpg", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        await Store.DeleteAsync(key, CancellationToken.None);
        Assert.False(await Store.ExistsAsync(key, CancellationToken.None));
        Assert.Null(await Store.OpenAsync(key, CancellationToken.None));
        await Store.DeleteAsync(key, CancellationToken.None); // deleting twice is fine
    }

    [Fact]
    public async Task A_replaced_file_has_only_the_new_bytes()
    {
        var key = FileKeys.New("tests");
        await Store.PutAsync(key, new MemoryStream(RandomNumberGenerator.GetBytes(5000)), "application/pdf", CancellationToken.None);
        var second = RandomNumberGenerator.GetBytes(10);
        await Store.PutAsync(key, new MemoryStream(second), "text/plain", CancellationToken.None);

        await using var file = await Store.OpenAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await file!.Content.CopyToAsync(copy);
        Assert.Equal(second, copy.ToArray());
        Assert.Equal("text/plain", file.ContentType);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("tests/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("tests/Photo.JPG")]
    [InlineData("tests//x")]
    [InlineData("tests/.hidden")]
    [InlineData("c:\\windows")]
    public async Task Keys_that_could_escape_the_store_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream([1]), "text/plain", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenAsync(key, CancellationToken.None));
    }
}

public sealed class LocalFileStoreTests() : FileStoreContract(new StudyHubFactory())
{
    protected override Task<HttpResponseMessage> DownloadAsync(Uri url) => Factory.CreateClient().GetAsync(url);

    [Fact]
    public async Task An_expired_link_is_gone_and_a_tampered_one_is_refused()
    {
        var key = FileKeys.New("tests");
        await Store.PutAsync(key, new MemoryStream([1, 2, 3]), "text/plain", CancellationToken.None);
        var url = await Store.GetDownloadUrlAsync(key, TimeSpan.FromMinutes(5), null, CancellationToken.None);
        using var client = Factory.CreateClient();

        var otherKey = url.OriginalString.Replace(key, FileKeys.New("tests"), StringComparison.Ordinal);
        await (await client.GetAsync(new Uri(otherKey, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "download_link_invalid");
        var longer = url.OriginalString.Replace("expires=", "expires=9", StringComparison.Ordinal);
        await (await client.GetAsync(new Uri(longer, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "download_link_invalid");
        var renamed = url.OriginalString + "&name=evil.html";
        await (await client.GetAsync(new Uri(renamed, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "download_link_invalid");
        await (await client.GetAsync(new Uri("/files/..%2F..%2Fstudyhub.db?expires=9999999999&sig=00", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "download_link_invalid");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        Factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Gone, "download_link_expired");
    }
}

public sealed class S3FileStoreTests(S3rverProcess s3rver) : FileStoreContract(new StudyHubFactory()
        .With("Storage:Provider", "S3")
        .With("Storage:S3:ServiceUrl", s3rver.ServiceUrl)
        .With("Storage:S3:Bucket", S3rverProcess.Bucket)
        .With("Storage:S3:AccessKey", S3rverProcess.AccessKey)
        .With("Storage:S3:SecretKey", S3rverProcess.AccessKey)), IClassFixture<S3rverProcess>
{
    protected override async Task<HttpResponseMessage> DownloadAsync(Uri url)
    {
        Assert.StartsWith(s3rver.ServiceUrl, url.AbsoluteUri, StringComparison.Ordinal); // presigned: straight to the storage server
        using var client = new HttpClient();
        return await client.GetAsync(url);
    }

    [Fact]
    public async Task A_download_link_is_a_presigned_url_that_expires_after_its_lifetime()
    {
        var key = FileKeys.New("tests");
        await Store.PutAsync(key, new MemoryStream([1, 2, 3]), "text/plain", CancellationToken.None);

        var url = await Store.GetDownloadUrlAsync(key, TimeSpan.FromMinutes(5), null, CancellationToken.None);

        // s3rver does not enforce presigned signatures or expiry, so check what S3 would enforce.
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("300", query["X-Amz-Expires"]);
        Assert.Matches("^[0-9a-f]{64}$", query["X-Amz-Signature"]);
        Assert.Equal($"{s3rver.ServiceUrl}/{S3rverProcess.Bucket}/{key}", url.GetLeftPart(UriPartial.Path));
    }
}
