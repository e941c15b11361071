using Cnaemo.NoteLsp.Rules.Validators;

namespace Cnaemo.NoteLsp.Rules.Tests.Privacy;

/// <summary>
/// The checksums behind the identifier rules, on the test vectors of the domain facts sheet and on numbers one
/// digit away from them: a number whose key is wrong is not the identifier it looks like.
/// </summary>
public sealed class IdentifierChecksumTests
{
    [Theory]
    [InlineData("2 95 10 99 126 111 93")]
    [InlineData("295109912611193")]
    [InlineData("253072B07300470")]
    [InlineData("253072A07300443")]
    [InlineData("2 53 07 2a 073 004 43")]
    [InlineData("1 77 03 75 120 005 04")]
    [InlineData("1.77.03.75.120.005.04")]
    public void A_NIR_with_its_key_is_valid(string nir) => Assert.True(NirValidator.IsValid(nir), nir);

    [Theory]
    [InlineData("295109912611199")]
    [InlineData("253072B07300443")]
    [InlineData("253072A07300470")]
    [InlineData("177037512000505")]
    [InlineData("577037512000504")]
    [InlineData("177137512000504")]
    [InlineData("17703751200050")]
    [InlineData("2530722C07300470")]
    public void A_NIR_with_a_wrong_key_sex_month_or_length_is_not_a_NIR(string candidate) =>
        Assert.False(NirValidator.IsValid(candidate), candidate);

    [Theory]
    [InlineData("295109912611199")]
    [InlineData("1 85 05 78 006 084 36")]
    [InlineData("253072B07300443")]
    public void A_number_laid_out_as_a_NIR_whose_key_fails_has_a_wrong_key(string candidate)
    {
        Assert.True(NirValidator.HasWrongKey(candidate), candidate);
        Assert.False(NirValidator.IsValid(candidate), candidate);
    }

    [Theory]
    [InlineData("295109912611193")]
    [InlineData("577037512000504")]
    [InlineData("177137512000504")]
    [InlineData("1850578006084")]
    public void A_valid_NIR_or_a_number_that_is_no_NIR_has_no_wrong_key(string candidate) =>
        Assert.False(NirValidator.HasWrongKey(candidate), candidate);

    [Theory]
    [InlineData("1 85 05 78 006 084", true)]
    [InlineData("2951099126111", true)]
    [InlineData("2 53 07 2A 073 004", true)]
    [InlineData("5850578006084", false)]
    [InlineData("1851378006084", false)]
    [InlineData("295109912611193", false)]
    [InlineData("185057800608", false)]
    public void The_first_13_characters_of_a_NIR_are_a_NIR_without_its_key(string candidate, bool expected) =>
        Assert.Equal(expected, NirValidator.IsWithoutKey(candidate));

    [Fact]
    public void The_Corsican_departments_count_as_19_and_18_for_the_key()
    {
        // 2A is replaced by 19 and 2B by 18: the same number with the other letter fails its key.
        Assert.True(NirValidator.IsValid("253072A07300443"));
        Assert.False(NirValidator.IsValid("253072B07300443"));
        Assert.True(NirValidator.IsValid("253072B07300470"));
        Assert.False(NirValidator.IsValid("253072A07300470"));
    }

    [Theory]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("FR76 3000 6000 0112 3456 7890 189")]
    [InlineData("fr7630006000011234567890189")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("BE68 5390 0754 7034")]
    [InlineData("ES91 2100 0418 4502 0005 1332")]
    [InlineData("IT60 X054 2811 1010 0000 0123 456")]
    [InlineData("NL91 ABNA 0417 1643 00")]
    public void An_IBAN_that_passes_modulo_97_is_valid(string iban) => Assert.True(IbanValidator.IsValid(iban), iban);

    [Theory]
    [InlineData("FR76 3000 6000 0112 3456 7890 188")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 607")]
    [InlineData("DE89 3704 0044 0532 0130 01")]
    [InlineData("FR76 3000 6000 0112 3456 7890 18")]
    [InlineData("XX76 3000 6000 0112 3456 7890 189")]
    [InlineData("BE68 5390 0754 7034 00")]
    public void An_IBAN_with_a_wrong_check_length_or_country_is_not_valid(string candidate) =>
        Assert.False(IbanValidator.IsValid(candidate), candidate);

    [Theory]
    [InlineData("0612345678", true)]
    [InlineData("07.81.22.33.44", true)]
    [InlineData("01-42-34-56-78", true)]
    [InlineData("09 70 12 34 56", true)]
    [InlineData("+33 6 12 34 56 78", true)]
    [InlineData("+33 (0)6 12 34 56 78", true)]
    [InlineData("0033 6 12 34 56 78", true)]
    [InlineData("0012345678", false)]
    [InlineData("061234567", false)]
    [InlineData("+33 0 12 34 56 78", false)]
    [InlineData("+44 6 12 34 56 78", false)]
    public void French_phone_numbers_need_their_prefix_and_length(string candidate, bool valid) =>
        Assert.Equal(valid, PhoneValidator.IsFrench(candidate));

    [Theory]
    [InlineData("880692310285", true)]
    [InlineData("X4RTBPFWZ", false)]
    [InlineData("X4RTBP5W4", true)]
    [InlineData("ABCDEFGHI", false)]
    [InlineData("88069231028", false)]
    public void Identity_card_numbers_have_twelve_digits_or_nine_characters_with_digits(string candidate, bool plausible) =>
        Assert.Equal(plausible, IdentityCardValidator.IsPlausibleCardNumber(candidate));

    [Fact]
    public void Every_validator_a_pack_can_name_is_registered()
    {
        Assert.Equal(["cni", "iban", "nir", "nir-without-key", "nir-wrong-key", "phone-fr"], IdentifierValidators.Names.Order(StringComparer.Ordinal));
    }
}
