using Amazon.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyHub.Kernel.Files;

namespace StudyHub.Storage;

/// <summary>File storage: <see cref="IFileStore"/> on the local data directory (default) or S3-compatible storage.</summary>
public static class StorageModule
{
    public static WebApplicationBuilder AddFileStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageProvider.S3 || (!string.IsNullOrWhiteSpace(o.S3.ServiceUrl) && !string.IsNullOrWhiteSpace(o.S3.Bucket)),
                "Storage:S3:ServiceUrl and Storage:S3:Bucket are required when Storage:Provider is S3.")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value.Local;
            var dataDirectory = provider.GetRequiredService<IConfiguration>()["DataDirectory"] ?? "data";
            var root = Path.GetFullPath(options.Directory ?? Path.Combine(dataDirectory, "files"));
            return new LocalFileStore(root, LocalFileStore.LoadSigningKey(root, options.SigningKey), provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IAmazonS3>(provider => S3FileStore.CreateClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value.S3));
        services.AddSingleton<IFileStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider == StorageProvider.S3
                ? new S3FileStore(provider.GetRequiredService<IAmazonS3>(), options.S3.Bucket!, options.S3.ServiceUrl!.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
                : provider.GetRequiredService<LocalFileStore>();
        });
        return builder;
    }

    /// <summary>Serves local files behind signed links; the link is the permission, so no sign-in is needed.</summary>
    public static IEndpointRouteBuilder MapFileDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LocalFileStore.DownloadPath + "{**key}", DownloadAsync)
            .WithName("DownloadFile")
            .WithSummary("Download a stored file through a short-lived signed link.")
            .WithTags("Files")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        return endpoints;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string key, string? expires, string? sig, string? name, LocalFileStore files, CancellationToken cancellationToken)
    {
        switch (files.VerifyDownload(key, expires, sig, name))
        {
            case DownloadCheck.Invalid:
                return Problem(StatusCodes.Status403Forbidden, "download_link_invalid", "This download link is not valid.");
            case DownloadCheck.Expired:
                return Problem(StatusCodes.Status410Gone, "download_link_expired", "This download link has expired; ask for a new one.");
        }

        var file = await files.OpenAsync(key, cancellationToken);
        return file is null
            ? Problem(StatusCodes.Status404NotFound, "not_found", "The file was not found.")
            : TypedResults.Stream(file.Content, file.ContentType, name);
    }

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, type: "https://studyhub.dev/problems/" + code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
