using System.Globalization;
using Microsoft.Playwright;

namespace Proeftuin.BrowserTests.Infrastructure;

/// <summary>What a keyboard-only person does: focus a control and type, press Space on a choice, Enter on a link or button.</summary>
public static class KeyboardOnly
{
    /// <summary>Types into a field from the keyboard.</summary>
    public static async Task TypeAsync(ILocator field, string text)
    {
        await field.FocusAsync();
        await field.PressSequentiallyAsync(text);
    }

    /// <summary>Chooses a radio button or checkbox with the space bar.</summary>
    public static async Task ChooseAsync(ILocator choice)
    {
        await choice.FocusAsync();
        await choice.PressAsync("Space");
    }

    /// <summary>Follows a link or presses a button with Enter.</summary>
    public static async Task EnterAsync(ILocator control)
    {
        await control.FocusAsync();
        await control.PressAsync("Enter");
    }

    /// <summary>Moves a closed select down with the arrow key until the option with this label is chosen (from the top).</summary>
    public static async Task PickAsync(ILocator select, string label)
    {
        await select.FocusAsync();
        await select.PressAsync("Home");
        for (var i = 0; i < 40; i++)
        {
            if (await select.EvaluateAsync<string>("s => s.selectedOptions.length ? s.selectedOptions[0].label.trim() : ''") == label) return;
            await select.PressAsync("ArrowDown");
        }
        throw new InvalidOperationException($"No option \"{label}\" reachable with the arrow key.");
    }

    /// <summary>Types a date into a date field as the nl-NL browser shows it (dd-mm-jjjj): digits only, the field moves on by itself.</summary>
    public static Task DateAsync(ILocator field, DateOnly date) =>
        TypeAsync(field, date.ToString("ddMMyyyy", CultureInfo.InvariantCulture));
}
