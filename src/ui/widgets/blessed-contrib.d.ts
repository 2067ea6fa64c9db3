// blessed-contrib ships no types; this is the one widget procview uses,
// imported by path so the maps, pictures and markdown renderer are not loaded.
declare module 'blessed-contrib/lib/widget/sparkline.js' {
  import type { Widgets } from 'blessed';

  interface SparklineOptions extends Widgets.BoxOptions {
    style?: Widgets.Types.TStyle & { titleFg?: string };
  }

  interface Sparkline extends Widgets.BoxElement {
    /** One title and one series per sparkline; drawn with ▁▂▃▄▅▆▇█ scaled min..max. */
    setData(titles: string[], datasets: number[][]): void;
  }

  const sparkline: (options?: SparklineOptions) => Sparkline;
  export default sparkline;
}
