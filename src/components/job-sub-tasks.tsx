import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { JobSubTask } from '@/azure/jobs/types';
import { formatPascalCase } from '@/lib/format';

/** Sub-tasks as ARM reports them, with status and progress. */
export function SubTasks({ tasks }: { tasks: readonly JobSubTask[] }) {
  return (
    <Table aria-label="Sub-tasks" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Task</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Progress</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tasks.map((task) => (
          <TableRow key={task.taskId}>
            <TableCell>{task.taskName}</TableCell>
            <TableCell>{formatPascalCase(task.taskStatus)}</TableCell>
            <TableCell>{task.taskProgress ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
