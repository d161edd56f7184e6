namespace Proeftuin.Tests.Web;

/// <summary>What differs between Development and Production: demo data and sign-in details, the public address.</summary>
public sealed class EnvironmentTests
{
    [Fact]
    public async Task Development_start_page_shows_the_demo_sign_in_details()
    {
        await using var factory = new ProeftuinFactory { EnvironmentName = "Development" };
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/");
        Assert.Contains("procesbegeleider@proeftuin.demo", page.Text, StringComparison.Ordinal);
        Assert.Contains(Proeftuin.Data.DemoData.Password, page.Text, StringComparison.Ordinal);
        Assert.Contains(TestData.SocialInnovation, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_public_address()
    {
        await using var factory = new ProeftuinFactory { EnvironmentName = "Production" };
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("App:PublicUrl", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_never_seeds_demo_accounts_with_their_public_password()
    {
        await using var factory = new ProeftuinFactory { EnvironmentName = "Production" }
            .WithSetting("App:PublicUrl", "https://proeftuin.example.nl");
        // Production sends plain http to https, so this browser speaks https.
        var cookies = new System.Net.CookieContainer();
        using var browser = new Browser(factory, factory.CreateDefaultClient(new Uri("https://localhost"),
            new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)), cookies);
        var page = await browser.OpenAsync("/");
        Assert.DoesNotContain(TestData.SocialInnovation, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("proeftuin.demo", page.Text, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@proeftuin.demo"))));
    }
}
