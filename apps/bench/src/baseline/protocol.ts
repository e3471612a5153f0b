/** The baseline's tiny wire protocol (shared by its server and the load generator). */
export interface BaselineItem {
  id: string;
  room: string;
  text: string;
  createdAt: string;
}

export type BaselineAck = { ok: true; id: string } | { ok: false; error: string };

export interface BaselineClientEvents {
  join: (req: { room: string }, ack: (res: { ok: boolean }) => void) => void;
  add: (req: { room: string; text: string }, ack: (res: BaselineAck) => void) => void;
}

export interface BaselineServerEvents {
  item: (item: BaselineItem) => void;
}
