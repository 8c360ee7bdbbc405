/**
 * The language of a piece of cell or report text, for its `lang` attribute: Chinese data on an English page
 * would otherwise be drawn with the Japanese glyphs of a CJK font (Noto Sans CJK, Source Han), which differ from
 * the Simplified Chinese ones for many characters (直, 骨, 关…).
 */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function textLang(text: string | undefined | null): "zh-CN" | undefined {
  return text && HAN.test(text) ? "zh-CN" : undefined;
}
