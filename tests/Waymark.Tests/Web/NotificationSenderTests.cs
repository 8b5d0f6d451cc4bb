using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Waymark.Core.Outbox;
using Waymark.Web.Notifications;

namespace Waymark.Tests.Web;

/// <summary>
/// The real senders against real servers on loopback: a stand-in for the GOV.UK Notify API (HTTP) and an SMTP
/// server, each recording what it received. A retried send must not send twice.
/// </summary>
public sealed class NotificationSenderTests
{
    private static readonly Guid ServiceId = Guid.NewGuid();
    private static readonly string ApiKey = $"waymark_test-{ServiceId}-{Guid.NewGuid()}";
    private const string EmailTemplate = "0b7a2f2e-5d9e-4a8e-9d0b-1f2e3d4c5b6a";
    private const string SmsTemplate = "7c6d5e4f-3a2b-4c1d-8e9f-0a1b2c3d4e5f";

    [Fact]
    public async Task Notify_receives_the_template_personalisation_and_address_once_even_when_the_send_is_retried()
    {
        await using var notify = await FakeNotify.StartAsync();
        var sender = new GovukNotifySender(new NotificationOptions.NotifySettings(ApiKey, EmailTemplate, SmsTemplate, notify.BaseUrl));
        var email = Message("email", "sam@example.org");

        await sender.SendAsync(email, CancellationToken.None);
        await sender.SendAsync(email, CancellationToken.None); // the relay retrying after a crash before it recorded success

        var sent = Assert.Single(notify.Sent);
        Assert.Equal("/v2/notifications/email", sent.Path);
        Assert.Equal(EmailTemplate, sent.Json.GetProperty("template_id").GetString());
        Assert.Equal("sam@example.org", sent.Json.GetProperty("email_address").GetString());
        Assert.Equal(email.Id.ToString(), sent.Json.GetProperty("reference").GetString());
        Assert.Equal(email.Subject, sent.Json.GetProperty("personalisation").GetProperty("subject").GetString());
        Assert.Equal(email.Body, sent.Json.GetProperty("personalisation").GetProperty("body").GetString());
        // Notify authenticates by a JWT whose issuer is the service id from the API key.
        Assert.Equal(ServiceId.ToString(), JwtIssuer(sent.Authorization));

        var sms = Message("sms", "07700900123");
        await sender.SendAsync(sms, CancellationToken.None);
        var text = notify.Sent.Single(s => s.Path == "/v2/notifications/sms");
        Assert.Equal(SmsTemplate, text.Json.GetProperty("template_id").GetString());
        Assert.Equal("07700900123", text.Json.GetProperty("phone_number").GetString());
        Assert.Equal(sms.Id.ToString(), text.Json.GetProperty("reference").GetString());
        Assert.Equal(sms.Body, text.Json.GetProperty("personalisation").GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_Notify_error_fails_the_send_so_the_relay_retries_it()
    {
        await using var notify = await FakeNotify.StartAsync(failSends: true);
        var sender = new GovukNotifySender(new NotificationOptions.NotifySettings(ApiKey, EmailTemplate, SmsTemplate, notify.BaseUrl));
        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Message("email", "sam@example.org"), CancellationToken.None));
    }

    [Fact]
    public async Task The_SMTP_server_receives_the_message_with_the_outbox_id_as_its_Message_ID()
    {
        await using var smtp = await FakeSmtp.StartAsync();
        var sender = new SmtpSender(new NotificationOptions.SmtpSettings("127.0.0.1", smtp.Port, MailKit.Security.SecureSocketOptions.None, "Waymark <updates@waymark.example.org>", null, null));
        var email = Message("email", "sam@example.org");

        await sender.SendAsync(email, CancellationToken.None);

        var received = Assert.Single(smtp.Received);
        Assert.Equal($"{email.Id}@waymark.example.org", received.MessageId);
        Assert.Equal(email.Subject, received.Subject);
        Assert.Equal("sam@example.org", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("updates@waymark.example.org", Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal(email.Body, received.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));

        await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(Message("sms", "07700900123"), CancellationToken.None));
        Assert.Single(smtp.Received);
    }

    [Fact]
    public void A_sender_that_is_not_set_up_stops_the_app_on_start_with_a_clear_message()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => NotificationOptions.FromConfiguration(Config(("WAYMARK_NOTIFY_SENDER", "govuk-notify"))));
        Assert.Contains("WAYMARK_NOTIFY_API_KEY", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<InvalidOperationException>(() => NotificationOptions.FromConfiguration(Config(("WAYMARK_NOTIFY_SENDER", "pigeon"))));
        Assert.Contains("folder", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<InvalidOperationException>(() => NotificationOptions.FromConfiguration(Config(("WAYMARK_NOTIFY_SENDER", "smtp"), ("WAYMARK_SMTP_HOST", "mail.example.org"), ("WAYMARK_SMTP_FROM", "not an address"))));
        Assert.Contains("WAYMARK_SMTP_FROM", ex.Message, StringComparison.Ordinal);
        Assert.Equal(NotificationOptions.Folder, NotificationOptions.FromConfiguration(Config()).Sender);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static OutboxMessage Message(string channel, string to) => new()
    {
        Id = Guid.CreateVersion7(),
        CreatedAt = DateTimeOffset.UtcNow,
        NextAttemptAt = DateTimeOffset.UtcNow,
        Channel = channel,
        Recipient = to,
        Subject = "News from Waymark",
        Body = "There is news about a referral made on 27 November 2026: it is now opened.\n\nSign in: http://localhost:5000/my/referrals",
    };

    private static string? JwtIssuer(string? authorization)
    {
        var token = authorization?.Split(' ')[1] ?? "";
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return json.RootElement.GetProperty("iss").GetString();
    }

    private sealed record NotifyRequest(string Path, string? Authorization, JsonElement Json);

    /// <summary>The parts of the Notify API the sender uses, on a loopback port: send, and list by reference.</summary>
    private sealed class FakeNotify : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeNotify(WebApplication app, string baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public ConcurrentQueue<NotifyRequest> Requests { get; } = new();

        public IReadOnlyList<NotifyRequest> Sent => [.. Requests];

        public static async Task<FakeNotify> StartAsync(bool failSends = false)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            FakeNotify? self = null;
            app.MapGet("/v2/notifications", (HttpRequest request) =>
            {
                var reference = request.Query["reference"].ToString();
                var found = self!.Requests.Where(r => r.Json.GetProperty("reference").GetString() == reference)
                    .Select(r => new { id = Guid.NewGuid(), reference, type = r.Path.EndsWith("sms", StringComparison.Ordinal) ? "sms" : "email", status = "delivered" });
                return Results.Json(new { notifications = found, links = new { current = "/v2/notifications" } });
            });
            async Task<IResult> Send(HttpRequest request)
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var json = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
                if (failSends)
                {
                    return Results.Json(new { status_code = 500, errors = new[] { new { error = "Exception", message = "Internal server error" } } }, statusCode: 500);
                }
                self!.Requests.Enqueue(new NotifyRequest(request.Path, request.Headers.Authorization.ToString(), json));
                return Results.Json(new
                {
                    id = Guid.NewGuid(),
                    reference = json.GetProperty("reference").GetString(),
                    content = new { body = "body", subject = "subject", from_email = "waymark@notifications.service.gov.uk" },
                    uri = "https://api.notifications.service.gov.uk/v2/notifications/1",
                    template = new { id = json.GetProperty("template_id").GetString(), version = 1, uri = "https://api.notifications.service.gov.uk/v2/template/1" },
                }, statusCode: 201);
            }
            app.MapPost("/v2/notifications/email", Send);
            app.MapPost("/v2/notifications/sms", Send);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            self = new FakeNotify(app, address);
            return self;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>An SMTP server on a loopback port that keeps every message it accepts.</summary>
    private sealed class FakeSmtp : IAsyncDisposable
    {
        private readonly SmtpServer.SmtpServer _server;
        private readonly Task _running;
        private readonly CancellationTokenSource _stop = new();

        private FakeSmtp(int port, Store store)
        {
            Port = port;
            StoreOf = store;
            var options = new SmtpServerOptionsBuilder().ServerName("localhost")
                .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(store);
            _server = new SmtpServer.SmtpServer(options, services);
            _running = _server.StartAsync(_stop.Token);
        }

        public int Port { get; }

        private Store StoreOf { get; }

        public IReadOnlyList<MimeMessage> Received => [.. StoreOf.Messages];

        public static async Task<FakeSmtp> StartAsync()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var smtp = new FakeSmtp(port, new Store());
            // Wait until it accepts connections.
            for (var i = 0; i < 50; i++)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException)
                {
                    await Task.Delay(50);
                }
            }
            return smtp;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _server.Shutdown();
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
            _stop.Dispose();
        }

        private sealed class Store : MessageStore
        {
            public ConcurrentQueue<MimeMessage> Messages { get; } = new();

            public override async Task<SmtpResponse> SaveAsync(SmtpServer.ISessionContext context, SmtpServer.IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
            {
                using var stream = new MemoryStream(buffer.ToArray());
                Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
                return SmtpResponse.Ok;
            }
        }
    }
}
