;; Rows of a table, for the wasm backend's `GatherV2` along the first axis:
;;
;;   out[i, :] = table[ids[i], :]   for i < count,   table [rows, width] float32, ids [count] int32
;;
;; at byte offsets into the backend's own memory (imported). Each row is one bulk copy. Stops at the first id
;; outside [0, rows) and returns its position; returns count when every id was in range. TF.js's own kernel
;; reads the ids back to JavaScript to check them and then copies element by element (wasmGatherRows.ts).
;;
;; Assembled by `npm run build:kernels` into gatherRowsBinary.ts.
(module
  (import "env" "memory" (memory 1))

  (func (export "gatherRows")
    (param $table i32) (param $rows i32) (param $width i32) (param $ids i32) (param $count i32) (param $out i32)
    (result i32)
    (local $i i32) (local $id i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $width) (i32.const 2)))
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $id (i32.load (i32.add (local.get $ids) (i32.shl (local.get $i) (i32.const 2)))))
      ;; Unsigned: a negative id is out of range too.
      (if (i32.ge_u (local.get $id) (local.get $rows)) (then (return (local.get $i))))
      (memory.copy
        (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $rowBytes)))
        (i32.add (local.get $table) (i32.mul (local.get $id) (local.get $rowBytes)))
        (local.get $rowBytes))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
    (local.get $count)))
