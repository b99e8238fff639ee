(module
  (memory (export "memory") 1)
  ;; out[8b + s] = (dc + sum_j packed[j] * table[(b * used + j) * 8 + s]) / divisor, j = 2 .. used - 1,
  ;; summed in order in float32, for b = 0 .. blocks - 1: openSMILE's chains, four lanes at a time.
  (func (export "resample8")
    (param $packed i32) (param $table i32) (param $out i32)
    (param $used i32) (param $blocks i32) (param $divisor f32)
    (local $b i32) (local $j i32) (local $t i32) (local $x v128) (local $dc v128)
    (local $low v128) (local $high v128)
    (local.set $dc (f32x4.splat (f32.load (local.get $packed))))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $b) (local.get $blocks)))
        (local.set $low (local.get $dc))
        (local.set $high (local.get $dc))
        ;; t: byte address of table[(b * used + 2) * 8]
        (local.set $t (i32.add (local.get $table)
          (i32.shl (i32.add (i32.mul (local.get $b) (local.get $used)) (i32.const 2)) (i32.const 5))))
        (local.set $j (i32.const 2))
        (block $end
          (loop $value
            (br_if $end (i32.ge_u (local.get $j) (local.get $used)))
            (local.set $x (f32x4.splat (f32.load (i32.add (local.get $packed) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $low (f32x4.add (local.get $low) (f32x4.mul (local.get $x) (v128.load (local.get $t)))))
            (local.set $high (f32x4.add (local.get $high) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $t)))))
            (local.set $t (i32.add (local.get $t) (i32.const 32)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $value)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $b) (i32.const 5)))
          (f32x4.div (local.get $low) (f32x4.splat (local.get $divisor))))
        (v128.store offset=16 (i32.add (local.get $out) (i32.shl (local.get $b) (i32.const 5)))
          (f32x4.div (local.get $high) (f32x4.splat (local.get $divisor))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $block)))))
