using Cnaemo.NoteLsp.Rules.Detectors;
using Cnaemo.NoteLsp.Rules.Validators;
using CsCheck;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>
/// The pattern detector skips blocks whose digits could not make an identifier its validator accepts. These properties
/// tie that shortcut to the validators themselves: whatever they accept, the shortcut lets through.
/// </summary>
public sealed class ValidatorShortcutTests
{
    private static readonly Gen<string> Separators = Gen.OneOfConst("", "", " ", ".", "-", "\u00A0");

    /// <summary>Valid NIRs (key computed), written with random separators, Corsican departments included.</summary>
    private static readonly Gen<string> Nirs =
        Gen.Select(Gen.OneOfConst('1', '2'), Gen.Int[0, 99], Gen.Int[1, 12], Gen.OneOfConst("75", "2A", "2B", "99"), Gen.Long[0, 999_999], Separators.Array[6])
            .Select((sex, year, month, department, rest, separators) =>
            {
                var body = $"{sex}{year:D2}{month:D2}{department}{rest:D6}";
                var numeric = department switch
                {
                    "2A" => body[..5] + "19" + body[7..],
                    "2B" => body[..5] + "18" + body[7..],
                    _ => body,
                };
                var key = 97 - (int)(ulong.Parse(numeric, System.Globalization.CultureInfo.InvariantCulture) % 97);
                var compact = body + key.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                return string.Concat(compact[..1], separators[0], compact[1..3], separators[1], compact[3..5], separators[2],
                    compact[5..7], separators[3], compact[7..10], separators[4], compact[10..13], separators[5], compact[13..]);
            });

    /// <summary>French phone numbers in the three written forms, with random separators.</summary>
    private static readonly Gen<string> Phones =
        Gen.Select(Gen.OneOfConst("0", "+33 ", "0033 "), Gen.Int[1, 9], Gen.Int[0, 99].Array[4], Separators)
            .Select((prefix, first, pairs, separator) =>
                prefix + first + string.Concat(pairs.Select(p => separator + p.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly string[] Ibans = ["FR76 3000 6000 0112 3456 7890 189", "FR14 2004 1010 0505 0001 3M02 606", "GB82WEST12345698765432", "DE89 3704 0044 0532 0130 00"];

    [Fact]
    public void Every_valid_nir_passes_the_shortcut() =>
        Nirs.Sample(nir =>
        {
            Assert.True(IdentifierValidators.IsValidNir(nir), nir);
            Assert.True(PatternDetector.ValidatorMayAccept("nir", nir, nir.Count(char.IsAsciiDigit)), nir);
        }, iter: 500);

    [Fact]
    public void Every_valid_phone_number_passes_the_shortcut() =>
        Phones.Sample(phone =>
        {
            Assert.True(IdentifierValidators.IsFrenchPhone(phone), phone);
            Assert.True(PatternDetector.ValidatorMayAccept("phone-fr", phone, phone.Count(char.IsAsciiDigit)), phone);
        }, iter: 500);

    [Fact]
    public void Every_valid_iban_passes_the_shortcut() =>
        Assert.All(Ibans, iban =>
        {
            Assert.True(IdentifierValidators.IsValidIban(iban), iban);
            Assert.True(PatternDetector.ValidatorMayAccept("iban", iban, iban.Count(char.IsAsciiDigit)));
        });

    [Theory]
    [InlineData("123456789012")]
    [InlineData("X4RTBPFW4")]
    [InlineData("1234 5678 9012")]
    public void Every_plausible_identity_card_number_passes_the_shortcut(string number)
    {
        Assert.True(IdentifierValidators.Validate("cni", number));
        Assert.True(PatternDetector.ValidatorMayAccept("cni", number, number.Count(char.IsAsciiDigit)));
    }

    [Theory]
    [InlineData("nir", "Le 12 mars 2023 à 10 h 30, puis le 14 avril 2024 à 9 h 15 et le 3 mai.")]
    [InlineData("phone-fr", "Rendez-vous le 12 mars à 10 h 30.")]
    public void Text_with_dates_only_is_skipped(string validator, string text) =>
        Assert.False(PatternDetector.ValidatorMayAccept(validator, text, text.Count(char.IsAsciiDigit)));
}
