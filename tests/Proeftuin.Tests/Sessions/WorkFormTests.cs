using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

public sealed class WorkFormTests
{
    [Fact]
    public void Every_werkvorm_has_exactly_one_template()
    {
        foreach (var form in Enum.GetValues<WorkForm>())
        {
            Assert.Single(WorkForms.All, t => t.Form == form);
            Assert.Equal(form, WorkForms.For(form).Form);
        }
        Assert.Equal(Enum.GetValues<WorkForm>().Length, WorkForms.All.Count);
        Assert.Equal(WorkForms.All.Count, WorkForms.All.Select(t => t.Name).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkForms.For((WorkForm)99));
    }

    [Theory]
    [InlineData(WorkForm.SilentWriting, StepMode.Write, 5, true, 0)]
    [InlineData(WorkForm.Brainwriting635, StepMode.Write, 15, false, 0)]
    [InlineData(WorkForm.CrazyEights, StepMode.Write, 8, true, 0)]
    [InlineData(WorkForm.Sharing, StepMode.Share, 10, false, 0)]
    [InlineData(WorkForm.Clustering, StepMode.Cluster, 10, false, 0)]
    [InlineData(WorkForm.DotVoting, StepMode.Vote, 5, false, 3)]
    [InlineData(WorkForm.DiscussChoose, StepMode.Discuss, 15, false, 0)]
    public void Defaults(WorkForm form, StepMode mode, int minutes, bool isPrivate, int votes)
    {
        var t = WorkForms.For(form);
        Assert.Equal(mode, t.Mode);
        Assert.Equal(minutes, t.Minutes);
        Assert.Equal(isPrivate, t.Private);
        Assert.Equal(votes, t.VotesPerPerson);
    }

    [Fact]
    public void Templates_fit_the_step_limits()
    {
        Assert.All(WorkForms.All, t =>
        {
            Assert.InRange(t.Name.Length, 1, SessionLimits.StepTitle);
            Assert.InRange(t.Instruction.Length, 1, SessionLimits.Instruction);
            Assert.InRange(t.Minutes, 0, SessionLimits.MaxMinutes);
            Assert.InRange(t.VotesPerPerson, 0, SessionLimits.MaxVotes);
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            Assert.True(t.Mode != StepMode.Vote || t.VotesPerPerson > 0, $"{t.Form} votes without stippen");
        });
    }

    [Fact]
    public void Every_step_mode_has_a_label_and_a_sentence()
    {
        foreach (var mode in Enum.GetValues<StepMode>())
        {
            Assert.NotEqual(mode.ToString(), mode.Label());
            Assert.EndsWith(".", mode.WhatYouCanDo());
        }
        Assert.Equal("Stemmen", StepMode.Vote.Label());
    }

    [Fact]
    public void Every_text_has_an_English_entry()
    {
        var english = LoadEnglish();
        var keys = WorkForms.All.SelectMany(t => new[] { t.Name, t.Instruction, t.Description })
            .Concat(Enum.GetValues<StepMode>().SelectMany(m => new[] { m.Label(), m.WhatYouCanDo() }))
            .Distinct()
            .ToList();
        var missing = keys.Where(k => !english.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        Assert.True(missing.Count == 0, "No English text for:\n" + string.Join("\n", missing));
    }

    private static Dictionary<string, string> LoadEnglish() => EnglishTexts.ByName();
}
