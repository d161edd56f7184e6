using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Sessions;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Web;

/// <summary>
/// Dutch user content is marked lang="nl" on English pages (WCAG 3.1.2); the three knowledge sources are explained
/// where people choose one; one word for post-its; no "Markdown" in labels; the glossary page /uitleg.
/// </summary>
public sealed class PlainLanguageTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private Browser English()
    {
        var browser = factory.NewBrowser();
        browser.Cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        return browser;
    }

    /// <summary>The element that holds exactly this text (the innermost one with lang, or its own).</summary>
    private static string? LangOf(HtmlPage page, string selector, string text)
    {
        var element = page.Document.QuerySelectorAll(selector).FirstOrDefault(e => e.TextContent.Contains(text, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"{page.Url}: no {selector} with '{text}'");
        return element.GetAttribute("lang");
    }

    [Fact]
    public async Task In_English_titles_questions_and_news_carry_lang_nl_and_in_Dutch_they_need_none()
    {
        var projectId = await factory.Data.ProjectIdAsync("Samen tegen eenzaamheid in de wijk");
        var project = await factory.Data.ProjectRowAsync(projectId);
        var programmeId = await factory.Data.ProgrammeIdAsync();
        var news = await factory.WithDbAsync(db => db.NewsItems.OrderBy(n => n.Id).FirstAsync());
        var checks = new (string Url, string Selector, string Text)[]
        {
            ("/", "main h3", TestData.SocialInnovation),
            ($"/programmas/{programmeId}", "h1", TestData.SocialInnovation),
            ($"/programmas/{programmeId}", ".pt-card h3", project.Title),
            ($"/programmas/{programmeId}", ".pt-card p", project.CentralQuestion),
            ($"/projecten/{projectId}", "h1", project.Title),
            ($"/projecten/{projectId}", ".pt-question", project.CentralQuestion),
            ($"/projecten/{projectId}", ".pt-breadcrumbs [aria-current=page]", project.Title),
            ($"/nieuws/{news.Id}", "h1", news.Title),
            ($"/nieuws/{news.Id}", ".pt-news-body", ""),
        };
        using var english = English();
        using var dutch = factory.NewBrowser();
        foreach (var (url, selector, text) in checks)
        {
            var en = await english.OpenAsync(url);
            Assert.Equal("en", en.Document.DocumentElement.GetAttribute("lang"));
            Assert.True(LangOf(en, selector, text) == "nl", $"English {url}: {selector} '{text}' has no lang=\"nl\"");
            var nl = await dutch.OpenAsync(url);
            Assert.Null(LangOf(nl, selector, text));
            Assert.DoesNotContain("pt-nl", nl.Text, StringComparison.Ordinal);
        }
        // A translated crumb is English and is not marked.
        var page = await english.OpenAsync($"/projecten/{projectId}");
        Assert.Null(page.Document.QuerySelector(".pt-breadcrumbs a[href='/']")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task In_English_stories_thread_items_the_trace_the_analysis_and_mijn_carry_lang_nl_and_in_Dutch_they_need_none()
    {
        var team = await factory.Data.TeamProjectAsync();
        var project = await factory.Data.ProjectRowAsync(team.Id);
        var prompt = await Proeftuin.Tests.Signification.StoryData.PromptAsync(factory, team.Id, "Vertel over een moment dat de buurt hielp.");
        var story = await Proeftuin.Tests.Signification.StoryData.StoryAsync(factory, team.Id, title: "De buurvrouw met de soep", promptId: prompt,
            answers: Proeftuin.Tests.Signification.StoryData.Triad(70, 20, 10, dyad: 90, choice: "zorgen"));
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Bewoners kennen hun buren niet", "<p>Veel mensen groeten elkaar niet meer.</p>");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Een plek om elkaar te ontmoeten");
        await factory.LinkAsync(insight, need);
        var checks = new (string Url, string Selector, string Text)[]
        {
            ($"/verhalen/{story}", "h1", "De buurvrouw met de soep"),
            ($"/verhalen/{story}", ".pt-story__prompt span", "Vertel over een moment dat de buurt hielp."),
            ($"/verhalen/{story}", ".pt-story__text", "Ik stond er alleen voor"),
            ($"/projecten/{team.Id}/verhalen", ".pt-story-card h2 a", "De buurvrouw met de soep"),
            ($"/draad/{insight}", "h1", "Bewoners kennen hun buren niet"),
            ($"/draad/{insight}", ".pt-news-body", "Veel mensen groeten elkaar niet meer."),
            ($"/draad/{insight}/spoor", "h1 span", "Bewoners kennen hun buren niet"),
            ($"/draad/{insight}/spoor", ".pt-trace a", "Een plek om elkaar te ontmoeten"),
            ($"/projecten/{team.Id}/draad", "main li a", "Bewoners kennen hun buren niet"),
            ($"/projecten/{team.Id}/analyse", "main h2", "Wat hielp hier het meest?"),
            ($"/projecten/{team.Id}/analyse", ".pt-triad__label", "Mijn eigen kracht"),
            ($"/projecten/{team.Id}/leden", "h1 span", project.Title),
            ("/mijn", ".pt-mine__item a", project.Title),
        };
        using var english = await factory.SignInAsync(team.Facilitator.Email!);
        english.Cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        using var dutch = await factory.SignInAsync(team.Facilitator.Email!);
        foreach (var (url, selector, text) in checks)
        {
            var en = await english.OpenAsync(url);
            Assert.Equal("en", en.Document.DocumentElement.GetAttribute("lang"));
            Assert.True(LangOf(en, selector, text) == "nl", $"English {url}: {selector} '{text}' has no lang=\"nl\"");
            var nl = await dutch.OpenAsync(url);
            Assert.Null(LangOf(nl, selector, text));
            Assert.DoesNotContain("pt-nl", nl.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("lang=\"nl\"", nl.Text.Replace("<html lang=\"nl\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        // The translated words around a title stay English and unmarked.
        var members = await english.OpenAsync($"/projecten/{team.Id}/leden");
        Assert.Equal("Members of " + project.Title, members.H1);
        Assert.Null(members.Document.QuerySelector("h1")!.GetAttribute("lang"));
        var trace = await english.OpenAsync($"/draad/{insight}/spoor");
        Assert.Equal("Trace: Bewoners kennen hun buren niet", trace.H1);
    }

    [Fact]
    public async Task In_English_a_live_session_its_summary_and_the_wall_mark_titles_steps_and_post_its_lang_nl_and_in_Dutch_they_need_none()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write));
        await factory.WithDbAsync(async db =>
        {
            var s = await db.Sessions.FindAsync(session.Id);
            s!.Title = "Ideeën voor de buurtkamer";
            s.Place = "Buurtkamer De Linde";
            return await db.SaveChangesAsync();
        });
        await factory.StepAsync(session.StepIds[0], s => { s.Title = "Schrijf je ideeën op"; s.Instruction = "Eén idee per post-it, in je eigen woorden."; });
        var question = await factory.QuestionAsync(team.Id, "Hoe kunnen we de buurtkamer vaker open houden?");
        await factory.AskAsync(session.Id, question);
        var (writer, _) = await factory.ParticipantAsync(session.Id, name: "Riet");
        var cluster = await factory.ClusterAsync(session.Id, "Samen koken");
        await factory.NoteAsync(session.Id, session.StepIds[0], writer, "Een soepmiddag op zondag");
        await factory.NoteAsync(session.Id, session.StepIds[0], writer, "Samen eten met de straat", cluster);
        var id = session.Id;
        var checks = new (string Url, string Selector, string Text)[]
        {
            ($"/sessies/{id}", "h1", "Ideeën voor de buurtkamer"),
            ($"/sessies/{id}", ".pt-session-questions li", "Hoe kunnen we de buurtkamer vaker open houden?"),
            ($"/sessies/{id}", ".pt-session-facts span span", "Buurtkamer De Linde"),
            ($"/sessies/{id}", "[data-step-title]", "Schrijf je ideeën op"),
            ($"/sessies/{id}", ".pt-step__instruction", "Eén idee per post-it, in je eigen woorden."),
            ($"/sessies/{id}", ".pt-note__text", "Een soepmiddag op zondag"),
            ($"/sessies/{id}", ".pt-cluster h3 span", "Samen koken"),
            ($"/sessies/{id}/samenvatting", "h1", "Ideeën voor de buurtkamer"),
            ($"/sessies/{id}/samenvatting", "tbody th span", "Schrijf je ideeën op"),
            ($"/sessies/{id}/samenvatting", ".pt-summary-notes span", "Een soepmiddag op zondag"),
            ($"/sessies/{id}/samenvatting", ".pt-summary-cluster h3 span", "Samen koken"),
            ($"/sessies/{id}/scherm", "h1", "Ideeën voor de buurtkamer"),
            ($"/sessies/{id}/scherm", "[data-step-instruction]", "Eén idee per post-it, in je eigen woorden."),
            ($"/sessies/{id}/scherm", ".pt-note__text", "Een soepmiddag op zondag"),
            ($"/projecten/{team.Id}/sessies", ".pt-session-list a", "Ideeën voor de buurtkamer"),
        };
        using var english = await factory.SignInAsync(team.Facilitator.Email!);
        english.Cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        using var dutch = await factory.SignInAsync(team.Facilitator.Email!);
        foreach (var (url, selector, text) in checks)
        {
            var en = await english.OpenAsync(url);
            Assert.Equal("en", en.Document.DocumentElement.GetAttribute("lang"));
            Assert.True(LangOf(en, selector, text) == "nl", $"English {url}: {selector} '{text}' has no lang=\"nl\"");
            var nl = await dutch.OpenAsync(url);
            Assert.Null(LangOf(nl, selector, text));
            Assert.DoesNotContain("pt-nl", nl.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("lang=\"nl\"", nl.Text.Replace("<html lang=\"nl\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        // English words around the Dutch content stay unmarked: the step's mode line and the results of the wall.
        var page = await english.OpenAsync($"/sessies/{id}");
        Assert.Null(page.Document.QuerySelector("[data-step-mode]")!.GetAttribute("lang"));
        Assert.Null(page.Document.QuerySelector(".pt-step__what")!.GetAttribute("lang"));
        Assert.Null(page.Document.QuerySelector("#post-its-titel")!.GetAttribute("lang"));
        // The template session-notes.js clones for live post-its carries the mark too.
        Assert.Contains("<p class=\"pt-note__text\" lang=\"nl\"></p>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_three_knowledge_sources_are_explained_wherever_people_choose_one()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var members = await facilitator.OpenAsync($"/projecten/{team.Id}/leden");
        using var made = await facilitator.SubmitAsync(members.FormFor("Invite.Email"), [new("Invite.Role", "Member")],
            formAction: $"/projecten/{team.Id}/leden/uitnodigen?handler=Link");
        var shown = await facilitator.FollowAsync(made, $"/projecten/{team.Id}/leden");
        var invitation = Mailbox.ExtractLink(shown.Text, "/uitnodiging/")!;
        var invitee = await factory.Data.UserAsync();
        using var signedIn = await factory.SignInAsync(invitee.Email!);

        using var anonymous = factory.NewBrowser();
        var pages = new[]
        {
            await anonymous.OpenAsync("/registreren"),
            await anonymous.OpenAsync($"/doe-mee/{session.JoinCode}"),
            await signedIn.OpenAsync("/account"),
            await signedIn.OpenAsync(new Uri(invitation).PathAndQuery),
        };
        foreach (var page in pages)
        {
            var box = page.Document.QuerySelector("main .pt-kennisbronnen") ?? throw new Xunit.Sdk.XunitException($"{page.Url}: no explanation of the knowledge sources");
            var text = box.TextContent;
            foreach (var word in new[] { "Ervaringskennis", "Professionele kennis", "Wetenschappelijke kennis", "eigen leven", "werk", "onderzoek" })
                Assert.Contains(word, text, StringComparison.Ordinal);
            Assert.NotNull(box.QuerySelector("a[href='/uitleg#kennisbronnen']"));
            // The explanation comes before the choice it explains.
            var choice = page.Document.QuerySelector("main select[name$='Perspective'], main input[type=radio][name$='Perspective']")
                ?? throw new Xunit.Sdk.XunitException($"{page.Url}: no perspective choice");
            Assert.True(box.CompareDocumentPosition(choice).HasFlag(AngleSharp.Dom.DocumentPositions.Following), $"{page.Url}: the explanation is not above the choice");
        }
    }

    [Fact]
    public async Task The_glossary_explains_the_words_and_every_page_links_to_it()
    {
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/uitleg");
        Assert.Equal("Uitleg van woorden", page.H1);
        var terms = page.Document.QuerySelectorAll("main dt").Select(dt => dt.TextContent.Trim()).ToList();
        foreach (var term in new[] { "Kennisbronnen", "Fasen", "Ervaringsverhaal", "“Hoe kunnen we …?”-vraag", "Sessie", "Post-it", "Stippen",
                     "Gebalanceerde telling", "Proeftuin", "Rode draad en spoor", "Toestemming", "Procesbegeleider", "Evaluator" })
            Assert.Contains(term, terms);
        Assert.NotNull(page.Document.GetElementById("kennisbronnen"));
        foreach (var word in new[] { "Ervaringskennis", "Inleven", "Probleem definiëren", "Ideeën bedenken", "Prototypen", "Testen", "Alleen het team", "Iedereen, zonder naam" })
            Assert.Contains(word, page.MainText, StringComparison.Ordinal);

        foreach (var url in new[] { "/", "/inloggen", "/uitleg", "/bestaat-niet" })
        {
            var any = await browser.GetPageAsync(url);
            Assert.NotNull(any.Document.QuerySelector("footer a[href='/uitleg']"));
        }
        using var english = English();
        var en = await english.OpenAsync("/uitleg");
        Assert.Equal("Words explained", en.H1);
    }

    [Fact]
    public async Task Post_its_are_called_post_its_everywhere_and_no_label_says_Markdown()
    {
        // "Briefjes" was the old word for post-its; "het briefje" is the paper slip a kitchen-table teller keeps, which is right.
        var briefjes = EnglishTexts.Names().Where(n => n.Contains("briefjes", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Empty(briefjes);
        foreach (var t in WorkForms.All)
            Assert.DoesNotContain("briefjes", t.Instruction + t.Description, StringComparison.OrdinalIgnoreCase);
        foreach (var mode in Enum.GetValues<StepMode>())
            Assert.DoesNotContain("briefjes", mode.WhatYouCanDo(), StringComparison.OrdinalIgnoreCase);

        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var newsForm = await facilitator.OpenAsync($"/nieuws/nieuw?projectId={team.Id}");
        Assert.DoesNotContain("Markdown", newsForm.MainText, StringComparison.Ordinal);
        Assert.Contains("**vet**", newsForm.MainText, StringComparison.Ordinal);
    }
}
