using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Waymark.Core.Oruk;

/// <summary>A whole-feed problem (malformed JSON, a truncated file, a URL that does not answer ORUK JSON).</summary>
public sealed class FeedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One service record as it arrived (its UTF-8 JSON text), numbered from 1 in feed order.</summary>
public sealed record FeedRecord(int Number, ReadOnlyMemory<byte> Utf8);

/// <summary>
/// Reads the service records of an ORUK 3.0 feed one at a time, so a feed of any size fits in memory:
/// a JSON array of services, a page envelope, a single service, an ndjson stream, or an ORUK API base URL.
/// </summary>
public static class OrukFeedReader
{
    private static readonly JsonSerializerOptions StreamOptions = new(OrukJson.Options) { DefaultBufferSize = 1 << 16 };

    public static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Records of a file or of a seekable stream holding JSON.</summary>
    public static async IAsyncEnumerable<FeedRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var number = 0;
        await foreach (var utf8 in ElementsAsync(stream, ct))
        {
            yield return new FeedRecord(++number, utf8);
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ElementsAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        var first = await FirstByteAsync(stream, ct);
        if (first is null)
        {
            throw new FeedException("the feed is empty");
        }
        if (first == (byte)'[')
        {
            await foreach (var item in ArrayItemsAsync(stream, ct))
            {
                yield return item;
            }
            yield break;
        }
        if (first != (byte)'{')
        {
            throw new FeedException($"the feed is not JSON: it starts with '{(char)first}' (expected '[' or '{{')");
        }
        // One object, an ndjson stream of objects, or a page envelope whose contents are the records. The stream counts
        // what each value costs, so one endless line cannot take all the memory there is.
        var bounded = new BoundedValueStream(stream);
        var values = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(bounded, topLevelValues: true, StreamOptions, ct);
        var count = 0;
        await foreach (var value in Guarded(values, ct))
        {
            bounded.NextValue(++count);
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in contents.EnumerateArray())
                {
                    yield return Utf8Of(item);
                }
            }
            else
            {
                yield return Utf8Of(value);
            }
        }
    }

    private static FeedException TooBig(int value) =>
        new($"value {value} of the feed is over {OrukLimits.MaxFeedValueBytes >> 20} MiB, far more than any service record; nothing was imported (is this an ORUK feed?)");

    /// <summary>Counts the bytes read since the last whole value, and stops the feed when one value runs past the limit.</summary>
    private sealed class BoundedValueStream(Stream inner) : Stream
    {
        private long _sinceValue;
        private int _values;

        public void NextValue(int count)
        {
            _values = count;
            _sinceValue = 0;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Count(read);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Count(read);
            return read;
        }

        private void Count(int read)
        {
            // The serializer reads ahead by its buffer, so a value is over the limit only well past it.
            _sinceValue += read;
            if (_sinceValue > OrukLimits.MaxFeedValueBytes + (2L * StreamOptions.DefaultBufferSize))
            {
                throw TooBig(_values + 1);
            }
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static byte[] Utf8Of(JsonElement element) => System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element).ToArray();

    /// <summary>
    /// The items of a top-level JSON array, each as its own bytes, without building a document for any of
    /// them: the importer parses each record once, straight into its contract, on whichever core is free.
    /// </summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ArrayItemsAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = new byte[1 << 20];
        var start = 0;
        var end = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        var items = new List<ReadOnlyMemory<byte>>();
        var yielded = 0;
        while (true)
        {
            bool done;
            try
            {
                done = Scan(buffer.AsSpan(start, end - start), final, ref state, out var consumed, items, buffer, start);
                start += consumed;
            }
            catch (JsonException ex)
            {
                throw new FeedException(Describe(ex), ex);
            }
            foreach (var item in items)
            {
                yielded++;
                yield return item;
            }
            items.Clear();
            if (done)
            {
                yield break;
            }
            if (final)
            {
                throw new FeedException("malformed JSON: the feed ends inside the array (the file may be truncated or not JSON)");
            }
            // Keep the unfinished item, make room, read more.
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length)
            {
                if (end - start >= OrukLimits.MaxFeedValueBytes)
                {
                    throw TooBig(yielded + 1);
                }
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, OrukLimits.MaxFeedValueBytes + (1 << 20)));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(end), ct);
            if (end == 0 && read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                start = 3; // a UTF-8 byte order mark, which the serializer would skip
            }
            end += read;
            final = read == 0;
        }
    }

    // Reads whole items from the span; copies each out. Returns true at the end of the array and of the input.
    private static bool Scan(ReadOnlySpan<byte> span, bool final, ref JsonReaderState state, out int consumed, List<ReadOnlyMemory<byte>> items, byte[] buffer, int offset)
    {
        var reader = new Utf8JsonReader(span, final, state);
        consumed = 0;
        while (true)
        {
            var before = reader.CurrentState;
            var beforeConsumed = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                if (final)
                {
                    // The reader throws for a truncated document; an empty rest means the document ended.
                    consumed = beforeConsumed;
                    return true;
                }
                state = before;
                consumed = beforeConsumed;
                return false;
            }
            if (reader.CurrentDepth == 0)
            {
                // The opening '[' or the closing ']' of the array.
                continue;
            }
            var itemStart = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                state = before;
                consumed = beforeConsumed;
                return false;
            }
            items.Add(buffer.AsSpan(offset + itemStart, (int)reader.BytesConsumed - itemStart).ToArray());
        }
    }

    private static async IAsyncEnumerable<JsonElement> Guarded(IAsyncEnumerable<JsonElement> source, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var e = source.GetAsyncEnumerator(ct);
        while (true)
        {
            JsonElement current;
            try
            {
                if (!await e.MoveNextAsync())
                {
                    yield break;
                }
                current = e.Current;
            }
            catch (JsonException ex)
            {
                throw new FeedException(Describe(ex), ex);
            }
            yield return current;
        }
    }

    /// <summary>"malformed JSON at line 12, position 7: …", numbered from 1.</summary>
    public static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : "";
        var reason = ex.InnerException?.Message ?? ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }
        return $"malformed JSON{where}: {reason.TrimEnd('.', ' ')} (the file may be truncated or not JSON)";
    }

    private static async Task<byte?> FirstByteAsync(Stream stream, CancellationToken ct)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The feed stream must be seekable.", nameof(stream));
        }
        var start = stream.Position;
        var buffer = new byte[1];
        var offset = 0L;
        while (await stream.ReadAsync(buffer, ct) == 1)
        {
            offset++;
            var b = buffer[0];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            if (b == 0xEF && offset == 1)
            {
                continue; // a UTF-8 byte order mark, which the serializer skips too
            }
            if (b is 0xBB or 0xBF && offset <= 3)
            {
                continue;
            }
            stream.Position = start;
            return b;
        }
        return null;
    }

    /// <summary>
    /// Pages through an ORUK API: GET {base}/services?page=N&amp;per_page=… until the last page. Where a list
    /// gives minimal records, each full record is fetched from /services/{id}.
    /// </summary>
    public static async IAsyncEnumerable<FeedRecord> ReadUrlAsync(HttpClient http, string baseUrl, int perPage = 100, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var root = baseUrl.TrimEnd('/');
        if (root.EndsWith("/services", StringComparison.OrdinalIgnoreCase))
        {
            root = root[..^"/services".Length];
        }
        var number = 0;
        for (var page = 1; ; page++)
        {
            var url = $"{root}/services?page={page}&per_page={perPage}&full=true";
            using var body = await GetJsonAsync(http, url, ct);
            var envelope = body.RootElement;
            if (envelope.ValueKind != JsonValueKind.Object || !envelope.TryGetProperty("contents", out var contents) || contents.ValueKind != JsonValueKind.Array)
            {
                throw new FeedException($"GET {url} did not answer an ORUK page (no 'contents' array)");
            }
            foreach (var item in contents.EnumerateArray())
            {
                if (IsFull(item) || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                {
                    yield return new FeedRecord(++number, Utf8Of(item));
                }
                else
                {
                    using var full = await GetJsonAsync(http, $"{root}/services/{Uri.EscapeDataString(id.GetString()!)}", ct);
                    yield return new FeedRecord(++number, Utf8Of(full.RootElement));
                }
            }
            var last = envelope.TryGetProperty("last_page", out var lp) && lp.ValueKind == JsonValueKind.True;
            var totalPages = envelope.TryGetProperty("total_pages", out var tp) && tp.TryGetInt32(out var t) ? t : 0;
            if (last || contents.GetArrayLength() == 0 || page >= totalPages)
            {
                yield break;
            }
        }
    }

    // The one-to-many collections a full service carries and a minimal list item leaves out.
    private static bool IsFull(JsonElement item) =>
        item.TryGetProperty("service_at_locations", out _) || item.TryGetProperty("attributes", out _) || item.TryGetProperty("schedules", out _);

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string url, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedException($"GET {url} failed: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new FeedException($"GET {url} timed out", ex);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200)).TrimStart();
            if (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || text.StartsWith('<'))
            {
                throw new FeedException($"GET {url} answered HTML, not ORUK JSON (is this the base URL of an ORUK API?)");
            }
            try
            {
                return JsonDocument.Parse(bytes);
            }
            catch (JsonException ex)
            {
                throw new FeedException($"GET {url} answered {Describe(ex)}", ex);
            }
        }
    }
}
