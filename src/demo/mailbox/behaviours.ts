/**
 * The Outlook behaviours the demo mailbox can switch on and off, each as Microsoft documents it (or as
 * the office-js issue tracker reports it), with its row in ../shared/reviews/office-fidelity.md. The
 * adapter (src/hosts/outlook*.ts) is written to stay safe under every one of them; the demo lets a
 * trainer show what each one would do to a mail, and the browser tests switch them to prove it.
 */

export type ReplyStyle = 'owa' | 'classic';

export interface MailBehaviours {
  /** O1: setSelectedDataAsync replaces the text the user has selected (Body.setSelectedDataAsync reference). */
  replacesSelection: boolean;
  /** O2: Outlook on the web / new Outlook: in a plain-text body setSelectedDataAsync also deletes the next character (office-js#3905). */
  eatsNextChar: boolean;
  /** O4: setAsync(Html) is not a round trip; the client rewrites the HTML and inline images can be lost (Body.setAsync reference; office-js#6944, #5482). */
  rewriteHtmlOnSet: boolean;
  /** O5: ids come back with an "x_" prefix in HTML Outlook hands over (office-js#5296, #5320). */
  prefixIds: boolean;
  /** O6: getAsync(Text) line breaks: "\r\n" in Outlook on the desktop, "\n" on the web (office-js#2540). */
  lineBreak: '\n' | '\r\n';
  /** O12: how a reply quotes the earlier mail: Outlook on the web / new Outlook (appendonsend, divRplyFwdMsg) or classic Outlook (_MailOriginal). */
  replyStyle: ReplyStyle;
  /** O9: roaming settings hold at most 32 KB for all of an add-in's settings; saveAsync fails with 9057 beyond (limits-for-activation-and-javascript-api-for-outlook-add-ins.md). */
  roamingCap: boolean;
  /** Mailbox 1.2: item.getSelectedDataAsync exists (the adapter asks it before an HTML insert); off = an older Outlook (Mailbox 1.1). */
  mailbox12: boolean;
}

/** Outlook on the web / new Outlook, as documented. */
export const WEB_OUTLOOK: MailBehaviours = {
  replacesSelection: true,
  eatsNextChar: true,
  rewriteHtmlOnSet: false,
  prefixIds: false,
  lineBreak: '\n',
  replyStyle: 'owa',
  roamingCap: true,
  mailbox12: true,
};

/** Classic Outlook on Windows, as documented. */
export const CLASSIC_OUTLOOK: MailBehaviours = {
  ...WEB_OUTLOOK,
  eatsNextChar: false,
  lineBreak: '\r\n',
  replyStyle: 'classic',
};

export interface BehaviourSwitch {
  key: 'replacesSelection' | 'eatsNextChar' | 'rewriteHtmlOnSet' | 'prefixIds' | 'roamingCap' | 'mailbox12';
  /** Danish label for the trainer. */
  label: string;
  /** The office-fidelity row and Microsoft's source. */
  source: string;
}

/** The on/off switches the demo shows (line breaks and reply style come with the client). */
export const BEHAVIOUR_SWITCHES: readonly BehaviourSwitch[] = [
  {
    key: 'replacesSelection',
    label: 'Indsættelse erstatter markeret tekst',
    source: 'O1 · Body.setSelectedDataAsync (Microsoft Learn)',
  },
  {
    key: 'eatsNextChar',
    label: 'Ren tekst: næste tegn forsvinder ved indsættelse',
    source: 'O2 · office-js#3905 (Outlook på nettet, nyt Outlook)',
  },
  {
    key: 'rewriteHtmlOnSet',
    label: 'Outlook skriver HTML om ved setAsync (billeder tabes)',
    source: 'O4 · Body.setAsync (Microsoft Learn); office-js#6944',
  },
  {
    key: 'prefixIds',
    label: 'Id\'er får præfikset "x_"',
    source: 'O5 · office-js#5296, #5320',
  },
  {
    key: 'roamingCap',
    label: 'Roaming-indstillinger højst 32 KB',
    source: 'O9 · limits-for-activation-and-javascript-api-for-outlook-add-ins (Microsoft Learn)',
  },
  {
    key: 'mailbox12',
    label: 'Mailbox 1.2: getSelectedDataAsync findes',
    source: 'O1 · Item.getSelectedDataAsync, Mailbox 1.2 (Microsoft Learn)',
  },
];

/** 32 KB for all of an add-in's roaming settings (O9). */
export const ROAMING_LIMIT = 32 * 1024;
