/**
 * The ethics forum's themes: the built-in library (our own texts, Swedish and English) and how a meeting
 * refers to a theme (one of ours, or one the team wrote).
 */
import { z } from 'zod';
import { uuid } from '../common.js';

/** Keys of the built-in theme library (texts below, Swedish and English). */
export const BUILTIN_THEME_KEYS = [
  'dignity',
  'confidentiality',
  'equal-treatment',
  'rules-vs-needs',
  'speaking-up',
  'self-determination',
  'raising-concerns',
  'gifts-and-boundaries',
  'relatives',
  'priorities-under-pressure',
] as const;
export const BuiltinThemeKey = z.enum(BUILTIN_THEME_KEYS);
export type BuiltinThemeKey = z.infer<typeof BuiltinThemeKey>;

/** Which theme a meeting takes up: one of ours, or one the team wrote. */
export const EthicsThemeRef = z.union([
  z.strictObject({ builtin: BuiltinThemeKey }),
  z.strictObject({ teamThemeId: uuid }),
]);
export type EthicsThemeRef = z.infer<typeof EthicsThemeRef>;

/** A theme as the meeting shows it (a team theme is copied in when chosen, so later edits do not change history). */
export type ChosenTheme =
  | { source: 'builtin'; key: BuiltinThemeKey }
  | { source: 'team'; id: string; title: string; case: string; questions: string[] };

export interface ThemeText {
  title: string;
  /** A short case, told as it could happen in a care unit. */
  case: string;
  questions: string[];
}

/** Written for Tillit; free to use, translate and change. */
export const BUILTIN_THEMES: Record<BuiltinThemeKey, { sv: ThemeText; en: ThemeText }> = {
  dignity: {
    sv: {
      title: 'Värdighet i vardagen',
      case: 'Det är stressigt på morgonen. Elsa, 87 år, vill välja sin tröja själv och tar lång tid på sig. En kollega säger "vi tar den blå, det går fortare" och drar tröjan över hennes huvud medan hon fortfarande pratar.',
      questions: [
        'Vad betyder värdighet för den vi är till för – och för oss själva?',
        'När blir effektivitet viktigare än personen hos oss?',
        'Vad kan vi göra annorlunda en stressig morgon, utan att det tar mer tid?',
      ],
    },
    en: {
      title: 'Dignity in everyday care',
      case: 'The morning is hectic. Elsa, 87, wants to choose her own sweater and takes her time. A colleague says "we\'ll take the blue one, it\'s quicker" and pulls it over her head while she is still talking.',
      questions: [
        'What does dignity mean for the people we care for – and for ourselves?',
        'When does efficiency become more important than the person in front of us?',
        'What could we do differently on a hectic morning without it taking more time?',
      ],
    },
  },
  confidentiality: {
    sv: {
      title: 'Tystnadsplikt och sekretess',
      case: 'I personalrummet berättar en kollega om en brukares familjekonflikt, med namn. En vikarie som bara jobbat två dagar sitter med. Senare hör du samma historia nämnas i kön på mataffären.',
      questions: [
        'Var går gränsen mellan att dela information för att kunna ge god vård och att prata om någon?',
        'Hur säger vi till varandra när samtalet glider över gränsen?',
        'Hur hjälper vi nya kollegor och vikarier att förstå vad som gäller hos oss?',
      ],
    },
    en: {
      title: 'Confidentiality',
      case: "In the staff room a colleague talks about a client's family conflict, using names. A temp who started two days ago is listening. Later you hear the same story mentioned in the queue at the supermarket.",
      questions: [
        'Where is the line between sharing information to give good care and talking about someone?',
        'How do we tell each other when a conversation crosses that line?',
        'How do we help new colleagues and temps understand what applies here?',
      ],
    },
  },
  'equal-treatment': {
    sv: {
      title: 'Att bemöta alla lika',
      case: 'Två brukare ringer på larmet samtidigt. Den ena är alltid glad och tacksam, den andra ofta arg och kritisk. Flera i gruppen går helst till den glada först, och den andra får ofta vänta längre.',
      questions: [
        'Behandlar vi alla lika – eller efter hur de bemöter oss?',
        'Vad är skillnaden mellan att behandla alla lika och att ge alla det de behöver?',
        'Hur kan vi stötta varandra med de personer vi tycker är svåra att möta?',
      ],
    },
    en: {
      title: 'Treating people equally',
      case: 'Two clients press their alarms at the same moment. One is always cheerful and grateful, the other often angry and critical. Several of us would rather go to the cheerful one first, and the other one often waits longer.',
      questions: [
        'Do we treat everyone equally – or according to how they treat us?',
        'What is the difference between treating everyone the same and giving everyone what they need?',
        'How can we support each other with the people we find hard to meet?',
      ],
    },
  },
  'rules-vs-needs': {
    sv: {
      title: 'När regler och en persons behov krockar',
      case: 'Enligt rutinen ska alla på avdelningen ha ätit frukost före klockan nio. Karl har alltid varit nattmänniska och vill sova till tio. Nattpersonalen har börjat väcka honom, och han blir orolig och ledsen resten av dagen.',
      questions: [
        'Vem är rutinen till för – och vad skyddar den?',
        'När är det rätt att göra avsteg från en rutin, och vem får bestämma det?',
        'Hur dokumenterar och förklarar vi ett avsteg så att det blir tryggt för alla?',
      ],
    },
    en: {
      title: "When rules and a person's needs collide",
      case: 'The routine says everyone on the ward should have had breakfast by nine. Karl has always been a night owl and wants to sleep until ten. The night staff have started waking him, and he is anxious and sad for the rest of the day.',
      questions: [
        'Who is the routine for – and what does it protect?',
        'When is it right to depart from a routine, and who decides?',
        'How do we record and explain a departure so that it feels safe for everyone?',
      ],
    },
  },
  'speaking-up': {
    sv: {
      title: 'Att säga till om ett misstag',
      case: 'Du upptäcker att du gett fel dos av ett läkemedel för två dagar sedan. Ingen har märkt något och brukaren mår bra. Du är rädd för vad kollegorna och chefen ska tänka om du berättar.',
      questions: [
        'Vad gör det lätt – och svårt – att berätta om ett eget misstag hos oss?',
        'Hur vill vi att gruppen ska ta emot den som berättar?',
        'Vad kan vi lära oss tillsammans så att det inte händer igen?',
      ],
    },
    en: {
      title: 'Speaking up about a mistake',
      case: 'You discover that you gave the wrong dose of a medicine two days ago. Nobody has noticed and the client is fine. You are afraid of what your colleagues and your manager will think if you tell them.',
      questions: [
        'What makes it easy – and hard – to tell about your own mistake here?',
        'How do we want the group to receive the person who tells?',
        'What can we learn together so that it does not happen again?',
      ],
    },
  },
  'self-determination': {
    sv: {
      title: 'Självbestämmande och omsorg',
      case: 'Ingrid har diabetes och vill ha tårta varje eftermiddag. Hennes dotter har bett personalen att säga nej. Ingrid säger: "Det är mitt liv och jag vet vad som står på spel."',
      questions: [
        'Var går gränsen mellan att respektera ett val och att låta någon ta skada?',
        'Vems röst väger tyngst när brukaren och de anhöriga vill olika?',
        'Hur kan vi ge information och stöd utan att ta över beslutet?',
      ],
    },
    en: {
      title: 'Self-determination and care',
      case: 'Ingrid has diabetes and wants cake every afternoon. Her daughter has asked the staff to say no. Ingrid says: "It\'s my life and I know what is at stake."',
      questions: [
        'Where is the line between respecting a choice and letting someone come to harm?',
        'Whose voice weighs most when the client and the relatives want different things?',
        'How can we give information and support without taking over the decision?',
      ],
    },
  },
  'raising-concerns': {
    sv: {
      title: 'När en kollega gör fel',
      case: 'Du har flera gånger sett en erfaren och omtyckt kollega tala nedlåtande till en brukare när ingen annan är i rummet. Du är ny i gruppen och osäker på om du ska säga något – och till vem.',
      questions: [
        'Vad är vårt ansvar när vi ser något som inte är okej?',
        'Hur tar vi upp det med kollegan, och när går vi vidare till chefen?',
        'Hur bygger vi en grupp där det är tryggt att säga till – åt båda hållen?',
      ],
    },
    en: {
      title: 'When a colleague does wrong',
      case: 'Several times you have seen an experienced, well-liked colleague speak condescendingly to a client when nobody else is in the room. You are new in the team and unsure whether to say something – and to whom.',
      questions: [
        'What is our responsibility when we see something that is not okay?',
        'How do we raise it with the colleague, and when do we go to the manager?',
        'How do we build a team where it is safe to speak up – in both directions?',
      ],
    },
  },
  'gifts-and-boundaries': {
    sv: {
      title: 'Gåvor, gränser och relationer',
      case: 'Herr Lind vill ge dig 500 kronor "för att du är den enda som lyssnar". Han blir sårad när du tvekar. En kollega säger att hon brukar ta emot små gåvor för att inte göra någon ledsen.',
      questions: [
        'Var går gränsen mellan en vänlig gest och något som påverkar vår roll?',
        'Hur säger vi nej på ett sätt som inte sårar?',
        'Behöver vi en gemensam hållning, och hur ser den ut?',
      ],
    },
    en: {
      title: 'Gifts, boundaries and relationships',
      case: 'Mr Lind wants to give you 500 kronor "because you are the only one who listens". He is hurt when you hesitate. A colleague says she usually accepts small gifts so as not to upset anyone.',
      questions: [
        'Where is the line between a kind gesture and something that affects our role?',
        'How do we say no in a way that does not hurt?',
        'Do we need a shared position, and what does it look like?',
      ],
    },
  },
  relatives: {
    sv: {
      title: 'Anhöriga som vill olika',
      case: 'Två syskon ringer varannan dag och ger personalen motsägelsefulla besked om sin pappas vård. Den ena vill att han ska ha mer aktiviteter, den andra att han ska få vila. Pappan själv säger olika saker beroende på vem som frågar.',
      questions: [
        'Hur tar vi reda på vad personen själv vill?',
        'Vilken roll har anhöriga, och var går gränsen för vad de kan bestämma?',
        'Hur skapar vi samsyn i gruppen så att vi ger samma besked?',
      ],
    },
    en: {
      title: 'Relatives who want different things',
      case: "Two siblings call every other day and give the staff conflicting instructions about their father's care. One wants more activities for him, the other wants him to rest. The father himself says different things depending on who asks.",
      questions: [
        'How do we find out what the person wants?',
        'What role do relatives have, and where is the limit of what they can decide?',
        'How do we agree as a team so that we all give the same answer?',
      ],
    },
  },
  'priorities-under-pressure': {
    sv: {
      title: 'Att prioritera när tiden inte räcker',
      case: 'Två kollegor är sjuka och det finns inga vikarier. Ni hinner inte allt som står i genomförandeplanerna. Någon föreslår att promenaderna stryks i dag, en annan att duscharna skjuts upp.',
      questions: [
        'Vad får aldrig väljas bort, och vad kan vänta?',
        'Vem ska vara med och prioritera – och hur berättar vi för dem det gäller?',
        'Hur tar vi hand om oss själva och varandra när vi inte räcker till?',
      ],
    },
    en: {
      title: 'Setting priorities when time runs out',
      case: "Two colleagues are off sick and there are no temps. You cannot do everything in the care plans. Someone suggests dropping today's walks, someone else postponing the showers.",
      questions: [
        'What must never be dropped, and what can wait?',
        'Who should take part in setting priorities – and how do we tell the people affected?',
        'How do we look after ourselves and each other when we are not enough?',
      ],
    },
  },
};

export const isBuiltinThemeKey = (key: string): key is BuiltinThemeKey =>
  (BUILTIN_THEME_KEYS as readonly string[]).includes(key);
