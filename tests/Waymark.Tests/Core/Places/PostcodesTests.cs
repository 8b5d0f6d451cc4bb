using Waymark.Core.Gazetteer;

namespace Waymark.Tests.Core.Places;

/// <summary>The one postcode shape: the place form, the gazetteer (search and the ORUK API) and screening all read it.</summary>
public sealed class PostcodesTests
{
    [Theory]
    [InlineData("HX1 1QG", "HX1 1QG")]
    [InlineData("hx11qg", "HX1 1QG")]
    [InlineData(" s1 2he ", "S1 2HE")]
    [InlineData("EC1A 1BB", "EC1A 1BB")]
    [InlineData("W1A 0AX", "W1A 0AX")]
    [InlineData("M1 1AE", "M1 1AE")]
    [InlineData("HX1  1QG", "HX1 1QG")] // the place form refused these three until it shared this rule
    [InlineData("H X1 1QG", "HX1 1QG")]
    [InlineData("HX1\t1QG", "HX1 1QG")]
    public void A_full_postcode_is_stored_upper_case_with_one_space(string typed, string stored)
    {
        Assert.True(Postcodes.TryNormalise(typed, out var postcode));
        Assert.Equal(stored, postcode);
        Assert.True(Gazetteer.IsPostcodeShaped(typed));
    }

    [Theory]
    [InlineData("HALIFAX")]
    [InlineData("HX1")]
    [InlineData("HX1 1Q")]
    [InlineData("1X1 1QG")]
    [InlineData("HX1 QQG")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_full_postcode(string? typed) => Assert.False(Postcodes.TryNormalise(typed, out _));

    [Theory]
    [InlineData("S1", true)]
    [InlineData("hx1", true)]
    [InlineData("EC1A", true)]
    [InlineData("HX1 1QG", false)]
    [InlineData("HALIFAX", false)]
    public void A_district_is_the_outward_code_alone(string typed, bool district) => Assert.Equal(district, Postcodes.IsDistrict(typed));
}
