import { FIELD_BREAK } from './text-features';

/** How far back (UTF-16 units) a label before a number is looked for. */
const LABEL_WINDOW = 24;

/**
 * Whether the text right before `start` ends with a label that says what the number after it is, `label` being
 * a regex anchored with `$` (`订单号：`, `Firmware `): a number introduced as an order or a version is that. A
 * label belongs to its own field: one that ends the turn before (`Thanks for your order`) labels nothing here.
 */
export function labelledAs(text: string, start: number, label: RegExp): boolean {
  // The field break is sought within the window only: `lastIndexOf` would walk back over the whole text
  // when there is none, and a long text of numbers would cost its length squared.
  let from = Math.max(0, start - LABEL_WINDOW);
  for (let i = start - 1; i >= from; i--) {
    if (text.charCodeAt(i) === FIELD_BREAK_CODE) {
      from = i + 1;
      break;
    }
  }
  return label.test(text.slice(from, start));
}

const FIELD_BREAK_CODE = FIELD_BREAK.charCodeAt(0);

/**
 * Labels of reference numbers (orders, tickets, waybills, invoices, a Taiwanese company's 統一編號…), which phones and
 * cards are not; a booking's only as a number (`预订号`, `booking no.`, `confirmation`): `用这张卡预订 4111…`
 * pays with a card.
 */
export const REFERENCE_LABEL =
  /(?<![A-Za-z])(?:订单|訂單|工单|工單|运单|運單|快递单?|物流单?|流水|发票|發票|交易|统一编号|統一編號|order|ticket|invoice|tracking|ref(?:erence)?|(?:booking\s+)?confirmation)\s*(?:号码?|號碼?|number|no\.?|#)?\s*[:#]?\s*$|(?:预订|預訂|booking|reservation)\s*(?:号码?|號碼?|编号|編號|number|no\.?|#|code)\s*[:#]?\s*$/i;

/**
 * Labels of account numbers (`A/C 8003216574`, `账号：0105…`, `戶口號碼`): a number so labelled is no landline or
 * foreign phone, however it starts. A mobile number is often an account's login name, so it is not for CN_MOBILE.
 */
export const ACCOUNT_LABEL =
  /(?<![A-Za-z])(?:a\/c|acct|account)\s*(?:number|no\.?|#)?\s*[:#.]?\s*$|(?:账号|帳號|账户|帳戶|戶口)\s*(?:号码?|號碼?)?\s*[:：#]?\s*$/i;
