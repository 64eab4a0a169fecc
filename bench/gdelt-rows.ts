/** A synthetic GDELT 2.0 event export for the benchmark: `count` rows among 200 country codes, fixed seed. */
import { GDELT_COLUMNS } from "../src/core/import/gdelt";
import { seededRandom } from "../src/core/random";

export function gdeltRows(count: number, seed = 7): string {
  const random = seededRandom(seed);
  const codes = Array.from({ length: 200 }, (_, i) => `C${String(i).padStart(2, "0")}`);
  const index = new Map(GDELT_COLUMNS.map((name, i) => [name, i]));
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const fields = new Array<string>(GDELT_COLUMNS.length).fill("");
    const set = (name: (typeof GDELT_COLUMNS)[number], value: string) => {
      fields[index.get(name)!] = value;
    };
    const a = codes[Math.floor(random() * codes.length)]!;
    const b = codes[Math.floor(random() * codes.length)]!;
    const root = String(1 + Math.floor(random() * 20)).padStart(2, "0");
    set("GLOBALEVENTID", String(500000000 + n));
    set("SQLDATE", `2015${String(1 + Math.floor(random() * 12)).padStart(2, "0")}${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`);
    set("Actor1Code", a);
    set("Actor1Name", `COUNTRY ${a}`);
    set("Actor1CountryCode", a);
    set("Actor2Code", b);
    set("Actor2Name", `COUNTRY ${b}`);
    set("Actor2CountryCode", b);
    set("EventCode", `${root}0`);
    set("EventBaseCode", `${root}0`);
    set("EventRootCode", root);
    set("GoldsteinScale", (random() * 20 - 10).toFixed(1));
    set("SOURCEURL", `https://news.example.org/${n % 5000}`);
    lines.push(fields.join("\t"));
  }
  return `${lines.join("\n")}\n`;
}
