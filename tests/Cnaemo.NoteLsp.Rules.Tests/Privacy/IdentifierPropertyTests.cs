using System.Globalization;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Validators;
using CsCheck;

namespace Cnaemo.NoteLsp.Rules.Tests.Privacy;

/// <summary>
/// The checksums hold for every number, not only the test vectors: a NIR or an IBAN built with its key is valid,
/// the same number with any other key is not, and the engine finds and masks what the validators accept.
/// </summary>
public sealed class IdentifierPropertyTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    // Sex, year, month, département (with Corsica), commune and order number: the first 13 characters of a NIR.
    private static readonly Gen<string> NirBodies =
        Gen.Select(
            Gen.OneOfConst('1', '2'),
            Gen.Int[0, 99],
            Gen.Int[1, 12],
            Gen.OneOfConst("2A", "2B", "01", "13", "59", "75", "93", "99"),
            Gen.Int[1, 999],
            Gen.Int[1, 999],
            (sex, year, month, department, commune, order) => string.Create(CultureInfo.InvariantCulture, $"{sex}{year:00}{month:00}{department}{commune:000}{order:000}"));

    private static int NirKey(string body)
    {
        var digits = body.Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        return 97 - (int)(ulong.Parse(digits, CultureInfo.InvariantCulture) % 97);
    }

    [Fact]
    public void A_NIR_is_valid_with_its_own_key_and_with_no_other() =>
        Gen.Select(NirBodies, Gen.Int[1, 96]).Sample((body, shift) =>
        {
            var key = NirKey(body);
            var wrong = (key + shift - 1) % 97 + 1;
            Assert.True(NirValidator.IsValid(body + key.ToString("00", CultureInfo.InvariantCulture)));
            Assert.False(NirValidator.IsValid(body + wrong.ToString("00", CultureInfo.InvariantCulture)));
        }, iter: 500);

    [Fact]
    public void An_IBAN_built_with_its_check_digits_is_valid_and_one_changed_digit_breaks_it() =>
        Gen.Select(Gen.Long[0, 99_999_999_999L], Gen.Int[0, 9_999], Gen.Int[0, 9_999], Gen.Int[0, 20], Gen.Int[1, 9])
            .Sample((account, bank, branch, position, delta) =>
            {
                // A French BBAN: bank 5 digits, branch 5 digits, account 11 characters, RIB key 2 digits.
                var bban = string.Create(CultureInfo.InvariantCulture, $"{bank:00000}{branch:00000}{account:00000000000}{account % 97:00}");
                var check = 98 - IbanValidator.Mod97(bban + "FR00");
                var iban = string.Create(CultureInfo.InvariantCulture, $"FR{check:00}{bban}");
                Assert.True(IbanValidator.IsValid(iban), iban);
                var chars = iban.ToCharArray();
                var at = 4 + position;
                chars[at] = (char)('0' + (chars[at] - '0' + delta) % 10);
                Assert.False(IbanValidator.IsValid(new string(chars)), new string(chars));
            }, iter: 500);

    [Fact]
    public void Every_valid_NIR_written_in_a_sentence_is_found_and_masked() =>
        NirBodies.Sample(body =>
        {
            var nir = body + NirKey(body).ToString("00", CultureInfo.InvariantCulture);
            var text = $"Numéro de sécurité sociale : {nir}.";
            var finding = Assert.Single(Engine.Lint(text), f => f.RuleId == "privacy.identifier.nir");
            Assert.Equal(nir, text.Substring(finding.Span.Start, finding.Span.Length));
            Assert.Contains(finding.Suggestions, s => s.Replacement == "[NIR masqué]");
        }, iter: 300);
}
