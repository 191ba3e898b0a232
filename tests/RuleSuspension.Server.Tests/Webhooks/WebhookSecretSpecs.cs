using System.Text;
using RuleSuspension.Infrastructure.Outbox.Webhooks;

namespace RuleSuspension.Server.Tests.Webhooks;

/// <summary>How an endpoint's secret becomes the key both signatures use.</summary>
public sealed class WebhookSecretSpecs
{
    [Fact]
    public void A_plain_secret_is_the_key_of_its_utf8_bytes_in_whsec_form()
    {
        var standard = WebhookSecret.StandardFormOf("s3cret é");

        Assert.Equal("whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("s3cret é")), standard);
    }

    [Fact]
    public void A_whsec_secret_is_the_key_of_its_base64_bytes()
    {
        var key = WebhookSecret.KeyOf("whsec_" + Convert.ToBase64String([1, 2, 3, 250]));

        Assert.Equal([1, 2, 3, 250], key);
    }

    [Theory]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_")]
    public void A_whsec_secret_without_base64_key_bytes_is_refused_at_start(string secret)
    {
        var settings = new WebhookSettings { Endpoints = [new WebhookEndpoint { Url = "https://host.test/hooks", Secret = secret }] };

        var refused = Assert.Throws<RuleSuspension.Server.Hosting.SettingsException>(() => RuleSuspension.Server.Hosting.Settings.Check(settings, WebhookSettings.Section));

        Assert.Contains("Webhooks:Endpoints:0:Secret", refused.Message);
    }
}
