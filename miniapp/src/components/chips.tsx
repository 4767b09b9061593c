import { View } from '@tarojs/components';
import { Tag } from '../ui';

/** A row of large tappable choices (communities, categories); the chosen one is filled. */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: { value: T | undefined; label: string }[];
  value: T | undefined;
  onChange: (v: T | undefined) => void;
  testId?: string;
}) {
  return (
    <View className="chips" data-testid={testId}>
      {options.map((o) => (
        <Tag
          key={o.label}
          type={o.value === value ? 'primary' : 'default'}
          plain={o.value !== value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </Tag>
      ))}
    </View>
  );
}
