namespace Ferroptosis.Sim.Pathway;

/// <summary>Genes whose knock-down or over-expression the model represents.</summary>
public enum Gene
{
    /// <summary>NFE2L2 (Nrf2): scales Nrf2 synthesis, <c>c_Nsyn</c>.</summary>
    Nrf2,

    /// <summary>HMOX1 (HO-1): knock-down scales HMOX1 transcription <c>c_HO</c>; over-expression sets the transgene multiplier <c>HO_OE</c>.</summary>
    Hmox1,

    /// <summary>GPX4: scales GPX4 synthesis, <c>c_GPX4</c>.</summary>
    Gpx4,

    /// <summary>SLC7A11 (xCT): scales its synthesis, <c>c_XCT</c>.</summary>
    Slc7a11,

    /// <summary>FTH1 (ferritin heavy chain): scales ferritin synthesis, <c>c_FT</c>.</summary>
    Fth1,

    /// <summary>NCOA4 (ferritinophagy receptor): knock-down scales the ferritinophagy gain <c>c_NCOA4</c>; over-expression adds (fold − 1) to it.</summary>
    Ncoa4,
}
