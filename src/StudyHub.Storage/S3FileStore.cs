using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using StudyHub.Kernel.Files;

namespace StudyHub.Storage;

/// <summary>Files in an S3-compatible bucket; downloads are presigned URLs straight to the storage server.</summary>
internal sealed class S3FileStore(IAmazonS3 s3, string bucket, bool useHttp) : IFileStore
{
    public static IAmazonS3 CreateClient(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Flexible checksums (SDK v4's default) add trailers many S3-compatible servers do not understand.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        Validate(key);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = content,
            ContentType = contentType,
            AutoCloseStream = false,
            // aws-chunked framing ends up inside the stored object on some S3-compatible servers.
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task<StoredFile?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        Validate(key);
        try
        {
            var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
            return new StoredFile(new OwnedStream(response), response.Headers.ContentType ?? "application/octet-stream", response.ContentLength);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        Validate(key);
        try
        {
            await s3.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Validate(key);
        await s3.DeleteObjectAsync(bucket, key, cancellationToken);
    }

    public async Task<Uri> GetDownloadUrlAsync(string key, TimeSpan lifetime, string? downloadFileName, CancellationToken cancellationToken)
    {
        Validate(key);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.Add(lifetime), // S3 checks expiry against its own clock
            Protocol = useHttp ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (!string.IsNullOrEmpty(downloadFileName))
        {
            request.ResponseHeaderOverrides.ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(downloadFileName)}";
        }

        return new Uri(await s3.GetPreSignedURLAsync(request));
    }

    private static void Validate(string key)
    {
        if (!FileKeys.IsValid(key))
        {
            throw new ArgumentException("Not a valid file key.", nameof(key));
        }
    }

    /// <summary>The object's body; disposing it also releases the HTTP response.</summary>
    private sealed class OwnedStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
