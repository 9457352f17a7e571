import { Text, useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutreachWeek } from '@core/planner';
import { useFormatters } from '@renderer/lib/use-formatters';

const HEIGHT = 96;

/**
 * Interactions per week as a small bar chart. In Arabic the time axis runs right to left
 * (`reversed`) and the count axis stands on the right; colours come from Mantine's CSS
 * variables, so the chart follows the light or dark scheme.
 */
export function OutreachChart({ weeks }: { weeks: readonly OutreachWeek[] }) {
  const { t } = useTranslation();
  const { dir } = useDirection();
  const format = useFormatters();
  const rtl = dir === 'rtl';
  const total = weeks.reduce((sum, week) => sum + week.count, 0);
  const label = t('planner.dashboard.outreachChartLabel', {
    weeks: format.number(weeks.length),
    count: weeks.length,
  });
  const shortDay = (day: string) => format.dayMonth(day);
  return (
    <figure style={{ margin: 0 }} data-testid="outreach-chart" data-total={total}>
      <Text size="xs" c="dimmed" mb={4} component="figcaption">
        {t('planner.dashboard.outreachTitle')}
      </Text>
      <div role="img" aria-label={label} style={{ direction: 'ltr' }}>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart
            data={weeks.map((week) => ({ ...week }))}
            margin={{ top: 4, right: 4, bottom: 0, left: 4 }}
          >
            <CartesianGrid vertical={false} stroke="var(--mantine-color-default-border)" />
            <XAxis
              dataKey="weekStart"
              reversed={rtl}
              tickFormatter={shortDay}
              tick={{ fontSize: 10, fill: 'var(--mantine-color-dimmed)' }}
              tickLine={false}
              axisLine={{ stroke: 'var(--mantine-color-default-border)' }}
              interval="preserveStartEnd"
              minTickGap={12}
            />
            <YAxis
              orientation={rtl ? 'right' : 'left'}
              allowDecimals={false}
              width={28}
              tickFormatter={(value: number) => format.number(value)}
              tick={{ fontSize: 10, fill: 'var(--mantine-color-dimmed)' }}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip
              cursor={{ fill: 'var(--mantine-color-default-hover)' }}
              separator=""
              formatter={(value) => [
                t('planner.dashboard.interactions', { number: format.number(Number(value)) }),
                '',
              ]}
              labelFormatter={(day) =>
                t('planner.dashboard.weekOf', { date: format.day(String(day)) })
              }
              contentStyle={{
                background: 'var(--mantine-color-body)',
                border: '1px solid var(--mantine-color-default-border)',
                borderRadius: 8,
                color: 'var(--mantine-color-text)',
                fontSize: 12,
                direction: rtl ? 'rtl' : 'ltr',
              }}
            />
            <Bar
              dataKey="count"
              fill="var(--mantine-color-teal-filled)"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
