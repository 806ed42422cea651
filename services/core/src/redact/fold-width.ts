const WIDE = /[\u00a0\u3000\uff01-\uff5e]/g;

/**
 * Folds full-width ASCII (`０-９`, `Ａ-Ｚ`, `＠`, `．`…), the ideographic space and the no-break space to ASCII,
 * one UTF-16 unit for one, so detectors see one alphabet while every offset stays true on the original text.
 */
export function foldWidth(text: string): string {
  return text.replace(WIDE, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff01 ? String.fromCharCode(code - 0xfee0) : ' ';
  });
}
