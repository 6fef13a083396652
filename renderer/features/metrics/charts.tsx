import { useElementSize } from '@mantine/hooks';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartPalette } from './ChartCard';

// The dashboard's charts (recharts), drawn at the width of their panel. Every bar and point is a
// button onto the records behind it: `onPick(series, index)`.

const HEIGHT = 240;
const FALLBACK_WIDTH = 640;

export interface ChartSeries {
  key: string;
  label: string;
}

type Datum = Record<string, string | number | null>;

function useWidth() {
  const { ref, width } = useElementSize();
  return { ref, width: width > 0 ? Math.floor(width) : FALLBACK_WIDTH };
}

function axisNumber(value: number): string {
  return Math.abs(value) >= 1_000_000 ? `${(value / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })}M` : Math.abs(value) >= 10_000 ? `${Math.round(value / 1000)}k` : value.toLocaleString('en');
}

function useAxes() {
  const palette = useChartPalette();
  const tick = { fill: palette.text, fontSize: 11 };
  return {
    palette,
    grid: <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" vertical={false} />,
    x: <XAxis dataKey="label" tick={tick} stroke={palette.grid} interval="preserveStartEnd" />,
    y: <YAxis tick={tick} stroke={palette.grid} tickFormatter={axisNumber} width={52} allowDecimals={false} />,
    tooltip: <Tooltip contentStyle={{ background: palette.tooltipBg, borderColor: palette.grid, fontSize: 12 }} cursor={{ fillOpacity: 0.08 }} />,
  };
}

/** Bars per period (one per series, side by side or stacked). */
export function BarsChart({ data, series, onPick, stacked = false, label }: { data: Datum[]; series: ChartSeries[]; onPick: (series: string, index: number) => void; stacked?: boolean; label: string }) {
  const { ref, width } = useWidth();
  const { palette, grid, x, y, tooltip } = useAxes();
  return (
    <div ref={ref} role="img" aria-label={label}>
      <BarChart width={width} height={HEIGHT} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        {grid}
        {x}
        {y}
        {tooltip}
        {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={palette.series[i % palette.series.length]}
            stackId={stacked ? 'all' : undefined}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_entry, index) => onPick(s.key, index)}
          />
        ))}
      </BarChart>
    </div>
  );
}

/** Actual bars against a dashed target line. */
export function TargetChart({ data, onPick, label }: { data: Datum[]; onPick: (index: number) => void; label: string }) {
  const { ref, width } = useWidth();
  const { palette, grid, x, y, tooltip } = useAxes();
  return (
    <div ref={ref} role="img" aria-label={label}>
      <ComposedChart width={width} height={HEIGHT} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        {grid}
        {x}
        {y}
        {tooltip}
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="actual" name="Actual" fill={palette.series[0]} cursor="pointer" isAnimationActive={false} onClick={(_entry, index) => onPick(index)} />
        <Line dataKey="target" name="Target" stroke={palette.target} strokeDasharray="6 3" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}

/** A line over periods (membership at each period's end); a click on a point opens its records. */
export function LinesChart({ data, series, onPick, label }: { data: Datum[]; series: ChartSeries[]; onPick: (series: string, index: number) => void; label: string }) {
  const { ref, width } = useWidth();
  const { palette, grid, x, y, tooltip } = useAxes();
  return (
    <div ref={ref} role="img" aria-label={label}>
      <LineChart
        width={width}
        height={HEIGHT}
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        onClick={(state) => {
          const index = Number(state.activeTooltipIndex ?? state.activeIndex);
          if (Number.isInteger(index) && series[0]) onPick(series[0].key, index);
        }}
      >
        {grid}
        {x}
        {y}
        {tooltip}
        {series.map((s, i) => (
          <Line key={s.key} dataKey={s.key} name={s.label} stroke={palette.series[i % palette.series.length]} strokeWidth={2} dot={{ r: 3, cursor: 'pointer' }} activeDot={{ r: 5, cursor: 'pointer' }} isAnimationActive={false} />
        ))}
      </LineChart>
    </div>
  );
}
