/**
 * The PDSA report of one idea, as Markdown and as PDF: the three questions, every cycle, each measure's run
 * chart (drawn on the server as SVG by @tillit/runchart: embedded as an image in the Markdown, drawn into the
 * PDF by svg-to-pdfkit) and its signals in words. Swedish or English.
 */
import {
  CYCLE_FIELDS,
  type CycleDto,
  fieldKey,
  type IdeaDto,
  type ImprovementState,
  type MeasureDto,
  improvementField,
} from '@tillit/protocol';
import { analyse, describe, describeCentre, layoutRunChart, renderRunChartSvg, type Lang } from '@tillit/runchart';
import SVGtoPDF from 'svg-to-pdfkit';
import { createPdf, PDF_FONT, pdfText } from '../common/pdf-fonts.js';

type CycleField = (typeof CYCLE_FIELDS)[number];

const WORDS = {
  sv: {
    report: 'PDSA-rapport',
    status: { idea: 'Idé', planning: 'Planeras', testing: 'Testas', adopted: 'Införd', abandoned: 'Avslutad' },
    owner: 'Ansvarig',
    nobody: 'ingen',
    origin: 'Ursprung',
    free: 'fri idé',
    originKind: { risk: 'Risk', disturbance: 'Störning' },
    model: 'Modellen för förbättring',
    aim: 'Vad vill vi åstadkomma?',
    measureQ: 'Hur vet vi att en förändring är en förbättring?',
    change: 'Vilken förändring kan vi göra som leder till förbättring?',
    measures: 'Mått',
    definition: 'Operativ definition',
    better: 'Bättre är',
    up: 'högre',
    down: 'lägre',
    goal: 'Mål',
    none: '—',
    signals: 'Signaler',
    data: 'Mätvärden',
    date: 'Datum',
    value: 'Värde',
    note: 'Anteckning',
    noMeasures: 'Inga mått ännu.',
    cycles: 'PDSA-cykler',
    noCycles: 'Inga cykler ännu.',
    cycle: (n: number, d: string) => `Cykel ${n} (startade ${d})`,
    plan: 'Planera',
    do: 'Göra',
    study: 'Studera',
    act: 'Agera',
    question: 'Fråga',
    prediction: 'Förutsägelse',
    result: 'Resultat',
    decision: 'Beslut',
    decisions: { adopt: 'Inför', adapt: 'Anpassa', abandon: 'Avbryt' },
    running: 'pågår',
    fields: {
      objective: 'Syfte med cykeln',
      who: 'Vem',
      where: 'Var',
      when: 'När',
      dataPlan: 'Datainsamling',
      observations: 'Vad hände',
      deviations: 'Avvikelser från planen',
      learning: 'Vad vi lärde oss',
      nextStep: 'Nästa steg',
    } satisfies Record<CycleField, string>,
    median: 'Median',
    baseline: 'Baslinje',
    chartDesc: (name: string, n: number) => `Körschema för ${name}: ${n} mätvärden i tidsordning med median`,
    exported: 'Exporterad',
    marker: (n: number) => `PDSA ${n}`,
  },
  en: {
    report: 'PDSA report',
    status: { idea: 'Idea', planning: 'Planning', testing: 'Testing', adopted: 'Adopted', abandoned: 'Abandoned' },
    owner: 'Owner',
    nobody: 'nobody',
    origin: 'Origin',
    free: 'free idea',
    originKind: { risk: 'Risk', disturbance: 'Disturbance' },
    model: 'Model for Improvement',
    aim: 'What are we trying to accomplish?',
    measureQ: 'How will we know that a change is an improvement?',
    change: 'What change can we make that will result in improvement?',
    measures: 'Measures',
    definition: 'Operational definition',
    better: 'Better is',
    up: 'higher',
    down: 'lower',
    goal: 'Goal',
    none: '—',
    signals: 'Signals',
    data: 'Data points',
    date: 'Date',
    value: 'Value',
    note: 'Note',
    noMeasures: 'No measures yet.',
    cycles: 'PDSA cycles',
    noCycles: 'No cycles yet.',
    cycle: (n: number, d: string) => `Cycle ${n} (started ${d})`,
    plan: 'Plan',
    do: 'Do',
    study: 'Study',
    act: 'Act',
    question: 'Question',
    prediction: 'Prediction',
    result: 'Result',
    decision: 'Decision',
    decisions: { adopt: 'Adopt', adapt: 'Adapt', abandon: 'Abandon' },
    running: 'running',
    fields: {
      objective: 'Objective of this cycle',
      who: 'Who',
      where: 'Where',
      when: 'When',
      dataPlan: 'Data collection',
      observations: 'What happened',
      deviations: 'Deviations from the plan',
      learning: 'What we learned',
      nextStep: 'Next step',
    } satisfies Record<CycleField, string>,
    median: 'Median',
    baseline: 'Baseline',
    chartDesc: (name: string, n: number) => `Run chart of ${name}: ${n} data points in time order with the median`,
    exported: 'Exported',
    marker: (n: number) => `PDSA ${n}`,
  },
} as const;

export interface ReportInput {
  idea: IdeaDto;
  state: ImprovementState;
  names: Map<string, string>;
  lang: Lang;
  now: Date;
}

interface ChartOut {
  measure: MeasureDto;
  svg: string;
  signals: string[];
  centre: string;
}

/** The run chart of a measure as SVG, and its signals in words. */
export function measureChart(measure: MeasureDto, cycles: CycleDto[], lang: Lang): ChartOut {
  const w = WORDS[lang];
  const values = measure.points.map((p) => p.value);
  const analysis = analyse(values, { better: measure.better, baselinePoints: measure.baselinePoints });
  const labels = measure.points.map((p) => p.date);
  const signals = describe(analysis, lang, { labels });
  const layout = layoutRunChart({
    points: measure.points,
    analysis,
    goal: measure.goal,
    markers: cycles.map((c) => ({ date: c.startedOn, label: w.marker(c.number) })),
  });
  const title = measure.unit ? `${measure.name} (${measure.unit})` : measure.name;
  const svg = renderRunChartSvg(layout, {
    title,
    desc: `${w.chartDesc(title, values.length)}. ${signals.join(' ')}`,
    median: w.median,
    goal: w.goal,
    baseline: w.baseline,
  });
  return { measure, svg, signals, centre: describeCentre(analysis, lang) };
}

function parts(input: ReportInput) {
  const { idea, state, lang } = input;
  const w = WORDS[lang];
  const cycles = state.cycles.filter((c) => c.ideaId === idea.id).sort((a, b) => a.number - b.number);
  const measures = state.measures.filter((m) => m.ideaId === idea.id);
  const text = (key: string) => improvementField(state, key).text.trim();
  const owner = idea.ownerId ? (input.names.get(idea.ownerId) ?? w.nobody) : w.nobody;
  const origin = idea.origin ? `${w.originKind[idea.origin.kind]}: ${idea.origin.text}` : w.free;
  return { w, cycles, measures, text, owner, origin, charts: measures.map((m) => measureChart(m, cycles, lang)) };
}

const mdEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const block = (s: string, none: string) => (s ? s : none);

export function reportMarkdown(input: ReportInput): string {
  const { idea } = input;
  const { w, cycles, text, owner, origin, charts } = parts(input);
  const out: string[] = [];
  out.push(`# ${w.report}: ${idea.title}`, '');
  out.push(
    `- ${w.status[idea.status]}`,
    `- ${w.owner}: ${owner}`,
    `- ${w.origin}: ${origin}`,
    `- ${w.exported}: ${input.now.toISOString().slice(0, 10)}`,
    '',
  );
  out.push(`## ${w.model}`, '');
  out.push(`**${w.aim}**`, '', block(text(fieldKey.idea(idea.id, 'aim')), w.none), '');
  out.push(`**${w.measureQ}**`, '', block(text(fieldKey.idea(idea.id, 'measure')), w.none), '');
  out.push(`**${w.change}**`, '', block(text(fieldKey.idea(idea.id, 'change')), w.none), '');
  out.push(`## ${w.measures}`, '');
  if (charts.length === 0) out.push(w.noMeasures, '');
  for (const c of charts) {
    const m = c.measure;
    out.push(`### ${m.name}${m.unit ? ` (${m.unit})` : ''}`, '');
    out.push(
      `- ${w.definition}: ${block(m.definition, w.none)}`,
      `- ${w.better}: ${m.better === 'up' ? w.up : w.down}`,
    );
    if (m.goal !== null) out.push(`- ${w.goal}: ${m.goal}`);
    out.push(
      '',
      `![${mdEscape(m.name)}](data:image/svg+xml;base64,${Buffer.from(c.svg, 'utf8').toString('base64')})`,
      '',
    );
    out.push(`**${w.signals}**`, '', ...c.signals.map((s) => `- ${s}`), `- ${c.centre}`, '');
    if (m.points.length) {
      out.push(`| ${w.date} | ${w.value} | ${w.note} |`, '|---|---:|---|');
      for (const p of m.points) out.push(`| ${p.date} | ${p.value} | ${mdEscape(p.note)} |`);
      out.push('');
    }
  }
  out.push(`## ${w.cycles}`, '');
  if (cycles.length === 0) out.push(w.noCycles, '');
  for (const cy of cycles) {
    const f = (name: CycleField) => block(text(fieldKey.cycle(cy.id, name)), w.none);
    out.push(`### ${w.cycle(cy.number, cy.startedOn)}`, '');
    out.push(`#### ${w.plan}`, '', `**${w.fields.objective}:** ${f('objective')}`, '');
    cy.questionIds.forEach((q, i) => {
      const qt = (name: 'question' | 'prediction' | 'result') => block(text(fieldKey.question(cy.id, q, name)), w.none);
      out.push(
        `${i + 1}. **${w.question}:** ${qt('question')}  `,
        `   **${w.prediction}:** ${qt('prediction')}  `,
        `   **${w.result}:** ${qt('result')}`,
      );
    });
    out.push(
      '',
      `**${w.fields.who}:** ${f('who')}  `,
      `**${w.fields.where}:** ${f('where')}  `,
      `**${w.fields.when}:** ${f('when')}`,
      '',
    );
    out.push(`**${w.fields.dataPlan}:** ${f('dataPlan')}`, '');
    out.push(
      `#### ${w.do}`,
      '',
      `**${w.fields.observations}:** ${f('observations')}`,
      '',
      `**${w.fields.deviations}:** ${f('deviations')}`,
      '',
    );
    out.push(`#### ${w.study}`, '', `**${w.fields.learning}:** ${f('learning')}`, '');
    out.push(
      `#### ${w.act}`,
      '',
      `**${w.decision}:** ${cy.decision ? w.decisions[cy.decision] : w.running}`,
      '',
      `**${w.fields.nextStep}:** ${f('nextStep')}`,
      '',
    );
  }
  return out.join('\n');
}

export function reportPdf(input: ReportInput): Promise<Buffer> {
  const { idea } = input;
  const { w, cycles, text, owner, origin, charts } = parts(input);
  const doc = createPdf({ size: 'A4', margin: 50, info: { Title: `${w.report}: ${idea.title}`, Producer: 'Tillit' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const h = (s: string, size: number) =>
    doc.moveDown(0.6).font(PDF_FONT.bold).fontSize(size).text(pdfText(s)).moveDown(0.2);
  const p = (s: string) => doc.font(PDF_FONT.regular).fontSize(10).text(pdfText(s));
  const labelled = (label: string, value: string) => {
    doc
      .font(PDF_FONT.bold)
      .fontSize(10)
      .text(pdfText(`${label}: `), { continued: true })
      .font(PDF_FONT.regular)
      .text(pdfText(value));
  };

  doc
    .font(PDF_FONT.bold)
    .fontSize(18)
    .text(pdfText(`${w.report}: ${idea.title}`));
  p(
    `${w.status[idea.status]} · ${w.owner}: ${owner} · ${w.origin}: ${origin} · ${w.exported}: ${input.now.toISOString().slice(0, 10)}`,
  );
  h(w.model, 14);
  labelled(w.aim, block(text(fieldKey.idea(idea.id, 'aim')), w.none));
  labelled(w.measureQ, block(text(fieldKey.idea(idea.id, 'measure')), w.none));
  labelled(w.change, block(text(fieldKey.idea(idea.id, 'change')), w.none));

  h(w.measures, 14);
  if (charts.length === 0) p(w.noMeasures);
  for (const c of charts) {
    const m = c.measure;
    h(`${m.name}${m.unit ? ` (${m.unit})` : ''}`, 12);
    labelled(w.definition, block(m.definition, w.none));
    labelled(w.better, m.better === 'up' ? w.up : w.down);
    if (m.goal !== null) labelled(w.goal, String(m.goal));
    const width = doc.page.width - 100;
    const height = width / 2;
    if (doc.y + height > doc.page.height - 60) doc.addPage();
    // The chart's labels in our font too: svg-to-pdfkit would otherwise pick Helvetica.
    SVGtoPDF(doc, c.svg, 50, doc.y + 6, {
      width,
      height,
      fontCallback: (_family, bold) => (bold ? PDF_FONT.bold : PDF_FONT.regular),
    });
    doc.y += height + 12;
    doc.x = 50;
    doc.font(PDF_FONT.bold).fontSize(10).text(pdfText(w.signals));
    for (const s of [...c.signals, c.centre])
      doc
        .font(PDF_FONT.regular)
        .fontSize(10)
        .text(pdfText(`• ${s}`));
  }

  h(w.cycles, 14);
  if (cycles.length === 0) p(w.noCycles);
  for (const cy of cycles) {
    const f = (name: CycleField) => block(text(fieldKey.cycle(cy.id, name)), w.none);
    h(w.cycle(cy.number, cy.startedOn), 12);
    doc.font(PDF_FONT.bold).fontSize(11).text(pdfText(w.plan));
    labelled(w.fields.objective, f('objective'));
    cy.questionIds.forEach((q, i) => {
      const qt = (name: 'question' | 'prediction' | 'result') => block(text(fieldKey.question(cy.id, q, name)), w.none);
      labelled(`${i + 1}. ${w.question}`, qt('question'));
      labelled(`   ${w.prediction}`, qt('prediction'));
      labelled(`   ${w.result}`, qt('result'));
    });
    labelled(w.fields.who, f('who'));
    labelled(w.fields.where, f('where'));
    labelled(w.fields.when, f('when'));
    labelled(w.fields.dataPlan, f('dataPlan'));
    doc.moveDown(0.3).font(PDF_FONT.bold).fontSize(11).text(pdfText(w.do));
    labelled(w.fields.observations, f('observations'));
    labelled(w.fields.deviations, f('deviations'));
    doc.moveDown(0.3).font(PDF_FONT.bold).fontSize(11).text(pdfText(w.study));
    labelled(w.fields.learning, f('learning'));
    doc.moveDown(0.3).font(PDF_FONT.bold).fontSize(11).text(pdfText(w.act));
    labelled(w.decision, cy.decision ? w.decisions[cy.decision] : w.running);
    labelled(w.fields.nextStep, f('nextStep'));
  }
  doc.end();
  return done;
}
